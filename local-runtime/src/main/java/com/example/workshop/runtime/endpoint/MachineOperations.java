package com.example.workshop.runtime.endpoint;

import com.example.workshop.runtime.sfn.Diagnostic;
import com.example.workshop.runtime.sfn.StateMachine;
import com.example.workshop.runtime.sfn.StateMachineType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** CreateStateMachine, DescribeStateMachine, ListStateMachines, DeleteStateMachine, ValidateStateMachineDefinition. */
final class MachineOperations {
  static final List<String> TYPES = List.of("STANDARD", "EXPRESS");
  private static final List<String> LOG_LEVELS = List.of("ALL", "ERROR", "FATAL", "OFF");
  private static final int DEFINITION_MAX = 1_048_576;
  /** A {@code ${...}} placeholder as StateMachine.parse reads DefinitionSubstitutions. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(!?[^}\\s]*)}");

  private final Registry registry;
  private final String defaultRoleArn;
  private final Clock clock;

  MachineOperations(Registry registry, String defaultRoleArn, Clock clock) {
    this.registry = registry;
    this.defaultRoleArn = defaultRoleArn;
    this.clock = clock;
  }

  ObjectNode create(Request r) {
    String name = r.text("name", true, 1, 80);
    String definition = r.text("definition", true, 1, DEFINITION_MAX);
    String roleArn = r.text("roleArn", true, 1, 256);
    String type = r.choice("type", TYPES);
    JsonNode logging = r.structure("loggingConfiguration");
    JsonNode tracing = r.structure("tracingConfiguration");
    boolean publish = r.flag("publish", false);
    r.text("versionDescription", false, 0, 256);
    r.check();
    Names.check(name);
    if (publish) {
      throw ApiError.unsupported("CreateStateMachine with publish=true",
          "local-runtime keeps no state machine versions; create it without publish");
    }
    StateMachineType workflow = type == null ? StateMachineType.STANDARD : StateMachineType.valueOf(type);
    StoredMachine m = registry.create(new StoredMachine(registry.arns.stateMachine(name), name, workflow,
        definition, roleArn, clock.instant(), logging(logging), tracing(tracing), compile(definition, workflow)));
    ObjectNode out = Responses.object();
    out.put("stateMachineArn", m.arn());
    out.set("creationDate", Responses.date(m.created()));
    return out;
  }

  /** A machine given as a compiled definition (serve --template), under the engine's default role. */
  StoredMachine define(String name, StateMachine machine, StateMachineType type) {
    return registry.create(new StoredMachine(registry.arns.stateMachine(name), name, type,
        machine.definitionJson(), defaultRoleArn, clock.instant(), logging(null), tracing(null), machine));
  }

  ObjectNode describe(Request r) {
    String arn = r.text("stateMachineArn", true, 1, 256);
    r.choice("includedData", List.of("ALL_DATA", "METADATA_ONLY"));
    r.check();
    StoredMachine m = registry.machine(Arns.stateMachineArn(arn));
    ObjectNode out = Responses.object();
    out.put("stateMachineArn", m.arn());
    out.put("name", m.name());
    out.put("status", "ACTIVE");
    out.put("definition", m.definition());
    out.put("roleArn", m.roleArn());
    out.put("type", m.type().name());
    out.set("creationDate", Responses.date(m.created()));
    out.set("loggingConfiguration", m.logging());
    out.set("tracingConfiguration", m.tracing());
    return out;
  }

  ObjectNode list(Request r) {
    Integer max = r.integer("maxResults", 0, 1000);
    String token = r.text("nextToken", false, 1, 1024);
    r.check();
    Pages.Page<StoredMachine> page = Pages.of(registry.machines(), StoredMachine::name, "ListStateMachines",
        token, max);
    ObjectNode out = Responses.object();
    ArrayNode items = out.putArray("stateMachines");
    for (StoredMachine m : page.items()) {
      ObjectNode item = items.addObject();
      item.put("stateMachineArn", m.arn());
      item.put("name", m.name());
      item.put("type", m.type().name());
      item.set("creationDate", Responses.date(m.created()));
    }
    if (page.nextToken() != null) {
      out.put("nextToken", page.nextToken());
    }
    return out;
  }

  ObjectNode delete(Request r) {
    String arn = r.text("stateMachineArn", true, 1, 256);
    r.check();
    registry.delete(Arns.stateMachineArn(arn));
    return Responses.object();
  }

  ObjectNode validate(Request r) {
    String definition = r.text("definition", true, 1, DEFINITION_MAX);
    String type = r.choice("type", TYPES);
    r.choice("severity", List.of("ERROR", "WARNING"));
    Integer max = r.integer("maxResults", 0, 100);
    r.check();
    List<Diagnostic> problems = problems(definition,
        type == null ? StateMachineType.STANDARD : StateMachineType.valueOf(type));
    int limit = max == null || max == 0 ? 100 : max;
    ObjectNode out = Responses.object();
    out.put("result", problems.isEmpty() ? "OK" : "FAIL");
    ArrayNode list = out.putArray("diagnostics");
    for (Diagnostic d : problems.subList(0, Math.min(limit, problems.size()))) {
      ObjectNode item = list.addObject();
      item.put("severity", "ERROR");
      item.put("code", d.code());
      item.put("message", d.message());
      if (d.location() != null) {
        item.put("location", d.location());
      }
    }
    out.put("truncated", problems.size() > limit);
    return out;
  }

  /** The compiled definition, or InvalidDefinition with AWS's message. */
  static StateMachine compile(String definition, StateMachineType type) {
    List<Diagnostic> problems = problems(definition, type);
    if (!problems.isEmpty()) {
      throw new ApiError("InvalidDefinition", "Invalid State Machine Definition: '" + problems.stream()
          .map(d -> d.code() + ": " + d.message() + (d.location() != null && d.location().startsWith("/")
              ? " at " + d.location() : ""))
          .collect(Collectors.joining(", ")) + "'");
    }
    return StateMachine.parse(literal(definition), Map.of());
  }

  private static List<Diagnostic> problems(String definition, StateMachineType type) {
    return StateMachine.validate(literal(definition), Map.of(), type);
  }

  /**
   * The API's definition is final text: a {@code ${...}} in it is literal, not a SAM substitution.
   * StateMachine.parse reads {@code ${!X}} as the literal {@code ${X}}, so each placeholder is escaped.
   */
  static String literal(String definition) {
    return definition.indexOf("${") < 0 ? definition
        : PLACEHOLDER.matcher(definition).replaceAll(m -> Matcher.quoteReplacement("${!" + m.group(1) + "}"));
  }

  private static JsonNode logging(JsonNode given) {
    ObjectNode out = Responses.object();
    out.put("level", "OFF");
    out.put("includeExecutionData", false);
    if (given != null) {
      given.fields().forEachRemaining(f -> out.set(f.getKey(), f.getValue()));
      Request check = Request.of(out);
      check.choice("level", LOG_LEVELS);
      check.flag("includeExecutionData", false);
      check.check();
    }
    return out;
  }

  private static JsonNode tracing(JsonNode given) {
    ObjectNode out = Responses.object();
    out.put("enabled", false);
    if (given != null) {
      given.fields().forEachRemaining(f -> out.set(f.getKey(), f.getValue()));
    }
    return out;
  }
}
