package com.example.workshop.runtime;

import com.example.workshop.runtime.lambda.Isolation;
import com.example.workshop.runtime.sfn.DefinitionException;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StepFunctionsException;
import com.example.workshop.runtime.sfn.TestStateRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code test-state}: one state run as AWS's TestState API runs it. The options are the API's
 * request fields, read from files; stdout gets one JSON object shaped like TestState's response.
 * Exit 0 whenever the state ran (whatever its status), 2 for a request TestState refuses (AWS's
 * error name and message) or bad arguments.
 */
@Command(name = "test-state", sortOptions = false,
    description = "Test one state as AWS's TestState API does: mocks, inspection levels, error details.",
    footer = {"", "--mock and --state-configuration files hold TestState's mock and stateConfiguration",
        "objects; a mock's result may be the JSON value itself instead of its text.",
        "stdout: TestState's response as one JSON object",
        "exit:   0 the state ran (whatever its status), 2 TestState refused the request or bad arguments"})
final class TestStateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> MOCK_FIELDS = Set.of("result", "errorOutput",
      "fieldValidationMode");
  private static final Set<String> CONFIGURATION_FIELDS = Set.of("retrierRetryCount",
      "errorCausedByState", "mapIterationFailureCount", "mapItemReaderData");

  private final Streams io;

  @Mixin DefinitionOptions source = new DefinitionOptions();

  @Option(names = "--state-name", paramLabel = "NAME",
      description = "the state to test when the definition is a whole state machine")
  String stateName;

  @Option(names = "--input", paramLabel = "FILE|-",
      description = "the state's input, from a file or standard input (-); default {}")
  String input;

  @Option(names = "--inspection-level", paramLabel = "INFO|DEBUG|TRACE",
      description = "INFO (default): status, output, next state; DEBUG and TRACE: each data-processing stage")
  String inspectionLevel;

  @Option(names = "--variables", paramLabel = "FILE", description = "the workflow variables the state sees (a JSON object)")
  String variables;

  @Option(names = "--context", paramLabel = "FILE", description = "the Context object ($$) the state sees")
  String context;

  @Option(names = "--mock", paramLabel = "FILE",
      description = "what the Task, Map or Parallel answers: {\"result\": ...} or {\"errorOutput\": {\"error\", \"cause\"}}")
  String mock;

  @Option(names = "--state-configuration", paramLabel = "FILE",
      description = "retrierRetryCount, errorCausedByState, mapIterationFailureCount, mapItemReaderData")
  String stateConfiguration;

  @Option(names = "--role-arn", paramLabel = "ARN",
      description = "the role TestState runs a Task with (default: local-runtime's when the Task runs a function)")
  String roleArn;

  @Mixin BindingOptions.Functions javaHandlers = new BindingOptions.Functions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  TestStateCommand(Streams io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    List<String> fromStdin = new ArrayList<>();
    String[][] files = {{"--definition", source.definition != null ? source.definition : source.positional},
        {"--input", input}, {"--variables", variables}, {"--context", context}, {"--mock", mock},
        {"--state-configuration", stateConfiguration}};
    for (String[] f : files) {
      if ("-".equals(f[1])) {
        fromStdin.add(f[0]);
      }
    }
    if (fromStdin.size() > 1) {
      throw new UsageException("standard input (-) can be read once, but " + String.join(" and ", fromStdin)
          + " ask for it; give all but one as files");
    }
    DefinitionOptions.Source def = source.load(io, "test-state");
    ObjectNode request = JSON.createObjectNode();
    request.put("definition", def.text());
    putIf(request, "stateName", stateName);
    putIf(request, "input", input == null ? null
        : InputText.read(input, "input", io.in(), RunCommand.INPUT_LIMIT));
    putIf(request, "inspectionLevel", inspectionLevel);
    putIf(request, "variables", text(variables, "variables"));
    putIf(request, "context", text(context, "context"));
    if (mock != null) {
      request.set("mock", mock(object(mock, "mock", MOCK_FIELDS)));
    }
    if (stateConfiguration != null) {
      request.set("stateConfiguration",
          object(stateConfiguration, "state configuration", CONFIGURATION_FIELDS));
    }
    LocalStepFunctions sfn = engine();
    // a Task that really runs needs a role in AWS; the CLI runs as local-runtime's unless told
    putIf(request, "roleArn", roleArn != null ? roleArn
        : mock == null && !javaHandlers.functions.isEmpty() ? "arn:aws:iam::123456789012:role/TestStateRole" : null);
    String response;
    try {
      if (!def.substitutions().isEmpty()) {
        request.put("definition", TestStateRequest.of(def.text())
            .withDefinitionSubstitutions(def.substitutions()).definition());
      }
      response = sfn.testStateJson(request.toString(), def.substitutions());
    } catch (StepFunctionsException e) {
      throw new UsageException("An error occurred (" + e.errorCode()
          + ") when calling the TestState operation: " + RunCommand.oneLine(e.getMessage())
          + hint(e, request.get("definition").asText()));
    } catch (DefinitionException e) {
      throw new UsageException("invalid definition " + def.name() + ": "
          + RunCommand.oneLine(e.getMessage()));
    }
    io.out().println(response);
    return 0;
  }

  private LocalStepFunctions engine() {
    LocalStepFunctions.Builder b = LocalStepFunctions.builder().isolation(Isolation.PROCESS);
    List<Path> code = javaHandlers.classpath.paths();
    if (!code.isEmpty()) {
      b.classLoader(BindingOptions.classLoader(code));
    }
    BindingOptions.bindFunctions(javaHandlers.functions, b);
    LocalStepFunctions sfn = b.build();
    sfn.handlerProblems().forEach((name, problem) ->
        io.err().println("hint: function " + name + ": " + problem));
    return sfn;
  }

  /**
   * How to fix a refusal that comes from naming the state (local-runtime's words after AWS's): a
   * whole machine without --state-name, or a name close to one of its states.
   */
  private String hint(StepFunctionsException e, String definitionText) {
    JsonNode definition;
    try {
      definition = JSON.readTree(definitionText);
    } catch (JsonProcessingException notJson) {
      return "";
    }
    List<String> names = new ArrayList<>();
    stateNames(definition, names);
    if (names.isEmpty()) {
      return "";
    }
    if (stateName == null && e.errorCode().equals("InvalidDefinition")) {
      return " (this is a whole state machine: choose the state to test with --state-name; its states: "
          + String.join(", ", names) + ")";
    }
    return stateName != null && e.getMessage().equals("State not found in definition")
        ? Suggestions.didYouMean(stateName, names) : "";
  }

  /** The state names of a machine, also inside Parallel branches and Map processors. */
  private static void stateNames(JsonNode scope, List<String> names) {
    JsonNode states = scope == null ? null : scope.get("States");
    if (states == null || !states.isObject()) {
      return;
    }
    states.fields().forEachRemaining(e -> {
      names.add(e.getKey());
      e.getValue().path("Branches").forEach(branch -> stateNames(branch, names));
      stateNames(e.getValue().get("ItemProcessor"), names);
      stateNames(e.getValue().get("Iterator"), names);
    });
  }

  /** A file whose text is sent as is (TestState takes variables and context as JSON text). */
  private String text(String file, String what) {
    return file == null ? null : InputText.read(file, what, io.in(), RunCommand.INPUT_LIMIT);
  }

  /** A file holding one of the request's objects, its fields checked by name. */
  private ObjectNode object(String file, String what, Set<String> fields) {
    String text = InputText.read(file, what, io.in(), InputText.Limit.FILE);
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UsageException(what + " file " + file + " is not JSON: "
          + RunCommand.oneLine(e.getOriginalMessage()) + " at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr());
    }
    if (node == null || !node.isObject()) {
      throw new UsageException(what + " file " + file + " must hold a JSON object with "
          + String.join(", ", fields.stream().sorted().toList()));
    }
    for (var it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!fields.contains(name)) {
        throw new UsageException(what + " file " + file + ": unknown field '" + name + "'"
            + Suggestions.didYouMean(name, fields) + " (fields: "
            + String.join(", ", fields.stream().sorted().toList()) + ")");
      }
    }
    return (ObjectNode) node;
  }

  /** TestState takes a mock's result as JSON text; a file may hold the value itself. */
  private static ObjectNode mock(ObjectNode mock) {
    JsonNode result = mock.get("result");
    if (result != null && !result.isTextual() && !result.isNull()) {
      mock.put("result", result.toString());
    }
    return mock;
  }

  private static void putIf(ObjectNode json, String field, String value) {
    if (value != null) {
      json.put(field, value);
    }
  }
}
