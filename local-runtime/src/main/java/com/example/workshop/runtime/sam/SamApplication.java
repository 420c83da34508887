package com.example.workshop.runtime.sam;

import com.example.workshop.runtime.lambda.Isolation;
import com.example.workshop.runtime.lambda.LocalLambda;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StateMachine;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A SAM {@code template.yaml} as the tests run it offline: its functions' handlers, and its state
 * machines loaded from their DefinitionUri with every DefinitionSubstitution resolved the way
 * CloudFormation would, with synthetic ARNs:
 *
 * <pre>{@code
 * SamApplication app = SamApplication.load(Path.of("template.yaml")).withRegion("eu-central-1");
 * Execution run = app.stepFunctions().build().start(app.stateMachine(), input);
 * }</pre>
 *
 * <p>{@code !Ref}, {@code !GetAtt}, {@code !Sub}, {@code !Join} and {@code !Select} resolve to the
 * names and ARNs CloudFormation would give the common resource types (functions, tables, topics,
 * queues, buckets, event buses, state machines, parameters, roles, log groups, streams), template
 * parameters to the value given ({@link #withParameter}) or their Default, {@code !If} to the
 * branch its Condition picks, pseudo parameters to the configured region, account and stack name:
 * {@code !GetAtt Fn.Arn} becomes {@code arn:aws:lambda:<region>:<account>:function:<Fn>} (a function
 * without FunctionName is named by its logical id). What cannot be resolved fails with the file,
 * line, resource and attribute. Immutable.
 */
public final class SamApplication {
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT_ID = "123456789012";
  public static final String DEFAULT_STACK_NAME = "sam-app";

  private final Path template;
  private final String file;
  private final CfnYaml.Parsed parsed;
  private final Map<String, String> types;
  private final String region;
  private final String accountId;
  private final String stackName;
  private final TemplateInputs inputs;

  private SamApplication(Path template, CfnYaml.Parsed parsed, Map<String, String> types, String region,
      String accountId, String stackName, TemplateInputs inputs) {
    this.template = template;
    this.file = template.getFileName() != null ? template.getFileName().toString() : template.toString();
    this.parsed = parsed;
    this.types = types;
    this.region = region;
    this.accountId = accountId;
    this.stackName = stackName;
    this.inputs = inputs;
  }

  /** Reads {@code template}; throws IllegalArgumentException naming the file when it is missing or not YAML. */
  public static SamApplication load(Path template) {
    Objects.requireNonNull(template, "template");
    String text;
    try {
      text = Files.readString(template, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("SAM template not found: " + template.toAbsolutePath());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read SAM template " + template + ": " + e.getMessage());
    }
    CfnYaml.Parsed parsed;
    try {
      parsed = CfnYaml.parse(text);
    } catch (IOException e) {
      JsonLocation at = e instanceof JsonProcessingException p ? p.getLocation() : null;
      String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
      throw new IllegalArgumentException(template + (at != null && at.getLineNr() > 0 ? " line " + at.getLineNr() : "")
          + ": not valid YAML: " + String.valueOf(message).lines().findFirst().orElse("")
          + " (check the indentation and the brackets there)");
    }
    Map<String, String> types = new LinkedHashMap<>();
    JsonNode resources = parsed.root().path("Resources");
    if (!resources.isObject() || resources.isEmpty()) {
      throw new IllegalArgumentException(template + ": the template declares no Resources");
    }
    resources.fields().forEachRemaining(e -> types.put(e.getKey(), e.getValue().path("Type").asText("")));
    return new SamApplication(template, parsed, Collections.unmodifiableMap(types), DEFAULT_REGION, DEFAULT_ACCOUNT_ID,
        DEFAULT_STACK_NAME, new TemplateInputs(parsed.root(), Map.of()));
  }

  /** The region of the synthetic ARNs and of {@link #stepFunctions()} ({@value #DEFAULT_REGION} by default). */
  public SamApplication withRegion(String region) {
    return new SamApplication(template, parsed, types, Objects.requireNonNull(region, "region"), accountId, stackName,
        inputs);
  }

  /** The account of the synthetic ARNs and of {@link #stepFunctions()} ({@value #DEFAULT_ACCOUNT_ID} by default). */
  public SamApplication withAccountId(String accountId) {
    return new SamApplication(template, parsed, types, region, Objects.requireNonNull(accountId, "accountId"), stackName,
        inputs);
  }

  /**
   * The stack name in {@code AWS::StackName} and in the names CloudFormation generates for resources
   * without a name property ({@value #DEFAULT_STACK_NAME} by default, as {@code sam deploy} suggests).
   */
  public SamApplication withStackName(String stackName) {
    return new SamApplication(template, parsed, types, region, accountId, Objects.requireNonNull(stackName, "stackName"),
        inputs);
  }

  /**
   * The template as deployed with parameter {@code name} set to {@code value} (what {@code sam deploy
   * --parameter-overrides name=value} does); other parameters keep their Default. Throws
   * IllegalArgumentException when the template declares no such parameter or its AllowedValues exclude the value.
   */
  public SamApplication withParameter(String name, String value) {
    return new SamApplication(template, parsed, types, region, accountId, stackName, inputs.with(name, value, file));
  }

  /** Function logical id → its Handler (Globals.Function.Handler when the function has none), in template order. */
  public Map<String, String> handlers() {
    Map<String, String> handlers = new LinkedHashMap<>();
    for (String id : ids(SamTemplateCheck.SERVERLESS_FUNCTION, SamTemplateCheck.LAMBDA_FUNCTION)) {
      handlers.put(id, handler(id));
    }
    return Collections.unmodifiableMap(handlers);
  }

  /** Function logical id → its settings (handler, CodeUri, timeout, memory, environment), in template order. */
  public Map<String, SamFunction> functions() {
    Map<String, SamFunction> functions = new LinkedHashMap<>();
    for (String id : ids(SamTemplateCheck.SERVERLESS_FUNCTION, SamTemplateCheck.LAMBDA_FUNCTION)) {
      functions.put(id, new SamFunction(id, handler(id), codeUri(id), setting(id, "Timeout", 3, 1, 900),
          setting(id, "MemorySize", 128, 128, 10240), environment(id)));
    }
    return Collections.unmodifiableMap(functions);
  }

  /** The logical ids of the template's state machines, in template order. */
  public List<String> stateMachineIds() {
    return ids(SamTemplateCheck.SERVERLESS_STATE_MACHINE);
  }

  /** The template's only state machine's logical id; an error naming the choices otherwise. */
  public String onlyStateMachineId() {
    return onlyStateMachine();
  }

  /**
   * The definition file of state machine {@code logicalId}: its DefinitionUri resolved against the
   * template's folder. Throws IllegalArgumentException, naming the template line, when it is not a file.
   */
  public Path definitionFile(String logicalId) {
    String uri = definitionUri(logicalId);
    Path definition = template.resolveSibling(uri);
    if (!Files.isRegularFile(definition)) {
      throw error(props(logicalId) + ".DefinitionUri",
          "state machine " + logicalId + ": DefinitionUri '" + uri + "' is not a file next to the template ("
              + definition.toAbsolutePath().normalize() + ")");
    }
    return definition;
  }

  /**
   * The functions state machine {@code logicalId} can call: substitution key → function logical id,
   * for each DefinitionSubstitution that refers to exactly one function of the template, and for an
   * inline Definition, function name → logical id for each function it refers to.
   */
  public Map<String, String> functionSubstitutions(String logicalId) {
    stateMachineId(logicalId);
    Map<String, String> keys = new LinkedHashMap<>();
    if (hasInlineDefinition(logicalId)) {
      // an inline Definition names its functions itself (!GetAtt Fn.Arn): bind them by function name
      for (String id : Refs.logicalIds(properties(logicalId).get("Definition"))) {
        if (isFunction(id)) {
          keys.put(resolve(JsonNodeFactory.instance.objectNode().put("Ref", id), props(logicalId) + ".Definition"), id);
        }
      }
    }
    properties(logicalId).path("DefinitionSubstitutions").fields().forEachRemaining(e -> {
      List<String> functions = Refs.logicalIds(e.getValue()).stream().filter(this::isFunction).toList();
      if (functions.size() == 1) {
        keys.put(e.getKey(), functions.get(0));
      }
    });
    return Collections.unmodifiableMap(keys);
  }

  /**
   * The resources of CloudFormation type {@code type} (for example {@code AWS::SQS::Queue}): logical
   * id → resource ({@code Type}, {@code Properties}, ...) in CloudFormation's long form, in template
   * order. Short tags read as CloudFormation reads them: {@code !Ref X} is {"Ref": "X"}, {@code
   * !GetAtt A.Arn} is {"Fn::GetAtt": "A.Arn"} (one string), {@code !Sub s} is {"Fn::Sub": "s"}.
   * Empty when the template has none. The nodes are copies: changing them changes nothing here.
   */
  public Map<String, JsonNode> resources(String type) {
    Objects.requireNonNull(type, "type");
    Map<String, JsonNode> found = new LinkedHashMap<>();
    for (String id : ids(type)) {
      found.put(id, parsed.root().path("Resources").path(id).deepCopy());
    }
    return Collections.unmodifiableMap(found);
  }

  /** The resource {@code logicalId} in long form (see {@link #resources(String)}); a copy. */
  public JsonNode resource(String logicalId) {
    if (!types.containsKey(logicalId)) {
      throw new IllegalArgumentException(file + " has no resource " + logicalId + "; its resources: " + types.keySet());
    }
    return parsed.root().path("Resources").path(logicalId).deepCopy();
  }

  /** The template's Globals section in long form (an empty object when it has none); a copy. */
  public JsonNode globals() {
    JsonNode globals = parsed.root().path("Globals");
    return globals.isObject() ? globals.deepCopy() : JsonNodeFactory.instance.objectNode();
  }

  /** The template's only state machine; see {@link #stateMachine(String)}. */
  public StateMachine stateMachine() {
    return stateMachine(onlyStateMachine());
  }

  /**
   * The state machine {@code logicalId}, read from its DefinitionUri (relative to the template's
   * folder) with its DefinitionSubstitutions resolved. Throws DefinitionException for an invalid
   * definition, IllegalArgumentException for a template problem.
   */
  public StateMachine stateMachine(String logicalId) {
    if (hasInlineDefinition(logicalId)) {
      return StateMachine.parse(inlineDefinition(logicalId), substitutions(logicalId));
    }
    return StateMachine.load(definitionFile(logicalId), substitutions(logicalId));
  }

  /** True when state machine {@code logicalId} has its definition inline ({@code Definition:}), not in a file. */
  public boolean hasInlineDefinition(String logicalId) {
    stateMachineId(logicalId);
    return properties(logicalId).path("Definition").isObject() && !properties(logicalId).has("DefinitionUri");
  }

  /**
   * An inline {@code Definition:} as the JSON text CloudFormation would deploy: its intrinsic
   * functions resolved ({@code !GetAtt Fn.Arn} in a Resource, ...), DefinitionSubstitutions'
   * {@code ${...}} left for {@link #substitutions(String)}.
   */
  public String inlineDefinition(String logicalId) {
    if (!hasInlineDefinition(logicalId)) {
      throw error(props(logicalId), "state machine " + logicalId + " has no inline Definition");
    }
    JsonNode definition = resolveTree(properties(logicalId).get("Definition").deepCopy(),
        props(logicalId) + ".Definition");
    return definition.toPrettyString();
  }

  /**
   * The template line of a node of an inline Definition, by its JSON pointer ({@code /States/A/Next}):
   * the line of the pointer's nearest ancestor that the template has, 0 when none.
   */
  public int inlineDefinitionLine(String logicalId, String pointer) {
    String path = props(logicalId) + ".Definition";
    if (pointer != null && pointer.startsWith("/")) {
      for (String segment : pointer.substring(1).split("/", -1)) {
        String name = segment.replace("~1", "/").replace("~0", "~");
        String child = name.matches("\\d+") && parsed.line(path + "[" + name + "]") > 0
            ? path + "[" + name + "]" : path + "." + name;
        if (parsed.line(child) == 0) {
          break;
        }
        path = child;
      }
    }
    return parsed.line(path);
  }

  private JsonNode resolveTree(JsonNode node, String path) {
    if (node.isObject() && node.size() == 1) {
      String key = node.fieldNames().next();
      if (key.equals("Ref") || key.startsWith("Fn::")) {
        return JsonNodeFactory.instance.textNode(resolve(node, path));
      }
    }
    if (node.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) node;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        o.set(name, resolveTree(o.get(name), path + "." + name));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, resolveTree(node.get(i), path + "[" + i + "]"));
      }
    }
    return node;
  }

  /** The DefinitionUri of the template's only state machine, as written (relative to the template's folder). */
  public String definitionUri() {
    return definitionUri(onlyStateMachine());
  }

  public String definitionUri(String logicalId) {
    String path = props(stateMachineId(logicalId)) + ".DefinitionUri";
    JsonNode uri = properties(logicalId).path("DefinitionUri");
    if (!uri.isTextual() || uri.asText().isBlank()) {
      throw error(uri.isMissingNode() ? props(logicalId) : path, "state machine " + logicalId
          + " has no local DefinitionUri" + (hasInlineDefinition(logicalId) ? " (its Definition is inline)" : "")
          + ": set DefinitionUri: statemachine/<name>.asl.json");
    }
    return uri.asText();
  }

  /** The DefinitionSubstitutions of the only state machine, resolved: key → value the definition receives. */
  public Map<String, String> substitutions() {
    return substitutions(onlyStateMachine());
  }

  public Map<String, String> substitutions(String logicalId) {
    stateMachineId(logicalId);
    JsonNode subs = properties(logicalId).path("DefinitionSubstitutions");
    Map<String, String> values = new LinkedHashMap<>();
    String where = props(logicalId) + ".DefinitionSubstitutions";
    subs.fields().forEachRemaining(e -> values.put(e.getKey(), resolve(e.getValue(), where + "." + e.getKey())));
    return Collections.unmodifiableMap(values);
  }

  /**
   * A Step Functions engine (region and account as configured) with every function that a state
   * machine's DefinitionSubstitutions reference bound to its Handler, by substitution key and by
   * logical id, with the template's Timeout, MemorySize and Environment variables (Globals.Function
   * filled in). A function with Environment variables runs in a JVM of its own
   * ({@link Isolation#PROCESS}), since a JVM cannot change its own environment; the others run as
   * the engine's {@code isolation(...)} says. Add mocks or replace a binding with a fake before
   * {@code build()}.
   */
  public LocalStepFunctions.Builder stepFunctions() {
    LocalStepFunctions.Builder builder = LocalStepFunctions.builder().region(region).accountId(accountId);
    Map<String, SamFunction> functions = functions();
    Map<String, LocalLambda.Builder> lambdas = new HashMap<>();
    for (String sm : ids(SamTemplateCheck.SERVERLESS_STATE_MACHINE)) {
      JsonNode subs = properties(sm).path("DefinitionSubstitutions");
      subs.fields().forEachRemaining(e -> {
        List<String> ids = Refs.logicalIds(e.getValue()).stream().filter(this::isFunction).toList();
        if (ids.size() == 1) {
          builder.function(e.getKey(), lambda(functions.get(ids.get(0)), lambdas));
        }
        // by name too: a Resource built from parts (arn:...:function:${Name}) ends in the logical id
        ids.forEach(id -> builder.function(id, lambda(functions.get(id), lambdas)));
      });
    }
    return builder;
  }

  /** One builder per function, so that every name it is bound by reaches the same function. */
  private LocalLambda.Builder lambda(SamFunction f, Map<String, LocalLambda.Builder> built) {
    return built.computeIfAbsent(f.logicalId(), id -> {
      LocalLambda.Builder lambda = LocalLambda.builder(f.handler())
          .timeout(Duration.ofSeconds(f.timeoutSeconds())).memoryMb(f.memoryMb());
      if (!f.environment().isEmpty()) {
        lambda.isolation(Isolation.PROCESS);
      }
      try {
        f.environment().forEach(lambda::environment);
      } catch (IllegalArgumentException e) {
        throw error(props(id) + ".Environment.Variables", "function " + id + ": " + e.getMessage());
      }
      return lambda;
    });
  }

  private String handler(String id) {
    String path = props(id) + ".Handler";
    JsonNode h = properties(id).path("Handler");
    if (h.isMissingNode() && types.get(id).equals(SamTemplateCheck.SERVERLESS_FUNCTION)) {
      path = "Globals.Function.Handler";
      h = parsed.root().path("Globals").path("Function").path("Handler");
    }
    String handler = h.isMissingNode() || h.isNull() ? "" : resolve(h, path);
    if (handler.isBlank()) {
      throw error(h.isMissingNode() ? props(id) : path,
          "function " + id + " has no Handler: add Handler: pkg.Class::handleRequest");
    }
    return handler.trim();
  }

  /** The function's property, else Globals.Function's, as text; null when neither has it. */
  private JsonNode functionProperty(String id, String name) {
    JsonNode own = properties(id).path(name);
    if (!own.isMissingNode() || !types.get(id).equals(SamTemplateCheck.SERVERLESS_FUNCTION)) {
      return own;
    }
    return parsed.root().path("Globals").path("Function").path(name);
  }

  private String codeUri(String id) {
    JsonNode uri = functionProperty(id, types.get(id).equals(SamTemplateCheck.LAMBDA_FUNCTION) ? "Code" : "CodeUri");
    return uri.isTextual() && !uri.asText().isBlank() ? uri.asText() : null;
  }

  private int setting(String id, String name, int defaultValue, int min, int max) {
    JsonNode v = functionProperty(id, name);
    if (v.isMissingNode()) {
      return defaultValue;
    }
    String where = properties(id).has(name) ? props(id) + "." + name : "Globals.Function." + name;
    String text = resolve(v, where);
    try {
      int n = Integer.parseInt(text.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(where, "function " + id + ": " + name + " must be a whole number from " + min + " to " + max
        + ", got '" + text + "'");
  }

  /** Globals.Function.Environment.Variables, then the function's own (which win), resolved. */
  private Map<String, String> environment(String id) {
    Map<String, String> env = new LinkedHashMap<>();
    if (types.get(id).equals(SamTemplateCheck.SERVERLESS_FUNCTION)) {
      parsed.root().path("Globals").path("Function").path("Environment").path("Variables").fields()
          .forEachRemaining(e -> env.put(e.getKey(),
              resolve(e.getValue(), "Globals.Function.Environment.Variables." + e.getKey())));
    }
    String where = props(id) + ".Environment.Variables";
    properties(id).path("Environment").path("Variables").fields()
        .forEachRemaining(e -> env.put(e.getKey(), resolve(e.getValue(), where + "." + e.getKey())));
    return env;
  }

  /** The value CloudFormation would substitute, with the names and ARNs a deployment would give. */
  private String resolve(JsonNode v, String path) {
    return new Intrinsics(parsed.root(), types, region, accountId, stackName, inputs, this::error).resolve(v, path);
  }

  private String onlyStateMachine() {
    List<String> ids = ids(SamTemplateCheck.SERVERLESS_STATE_MACHINE);
    if (ids.size() != 1) {
      throw new IllegalArgumentException(file + " declares " + ids.size() + " state machines " + ids
          + ": name the one you mean with stateMachine(logicalId)");
    }
    return ids.get(0);
  }

  private String stateMachineId(String logicalId) {
    if (!SamTemplateCheck.SERVERLESS_STATE_MACHINE.equals(types.get(logicalId))) {
      throw new IllegalArgumentException(file + " has no " + SamTemplateCheck.SERVERLESS_STATE_MACHINE + " "
          + logicalId + "; its state machines: " + ids(SamTemplateCheck.SERVERLESS_STATE_MACHINE));
    }
    return logicalId;
  }

  private JsonNode properties(String id) {
    return parsed.root().path("Resources").path(id).path("Properties");
  }

  private static String props(String id) {
    return "Resources." + id + ".Properties";
  }

  private boolean isFunction(String id) {
    String t = types.get(id);
    return SamTemplateCheck.SERVERLESS_FUNCTION.equals(t) || SamTemplateCheck.LAMBDA_FUNCTION.equals(t);
  }

  private List<String> ids(String... wanted) {
    return types.entrySet().stream().filter(e -> List.of(wanted).contains(e.getValue())).map(Map.Entry::getKey).toList();
  }

  private IllegalArgumentException error(String path, String message) {
    int line = parsed.line(path);
    for (String p = path; line == 0 && p.contains("."); p = p.substring(0, p.lastIndexOf('.'))) {
      line = parsed.line(p);   // a missing field: point at the nearest enclosing one
    }
    return new IllegalArgumentException(new Finding("SAM_TEMPLATE", file, line, path, message).toString());
  }
}
