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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * <p>{@code !GetAtt Fn.Arn} becomes {@code arn:aws:lambda:<region>:<account>:function:<Fn>}, {@code
 * !Ref Fn} the name {@code Fn}, {@code !Ref AWS::Region}/{@code AWS::AccountId}/{@code
 * AWS::Partition} the configured values, {@code !Ref Param} a parameter's Default (or the value
 * {@link #withParameter} gives), {@code !If} the branch its Condition picks; {@code !Sub} resolves
 * the same references. Anything else (another resource's attribute) fails with the file, line and
 * field. Immutable.
 */
public final class SamApplication {
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT_ID = "123456789012";

  private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}]*)}");

  private final Path template;
  private final String file;
  private final CfnYaml.Parsed parsed;
  private final Map<String, String> types;
  private final String region;
  private final String accountId;
  private final TemplateInputs inputs;

  private SamApplication(Path template, CfnYaml.Parsed parsed, Map<String, String> types, String region,
      String accountId, TemplateInputs inputs) {
    this.template = template;
    this.file = template.getFileName() != null ? template.getFileName().toString() : template.toString();
    this.parsed = parsed;
    this.types = types;
    this.region = region;
    this.accountId = accountId;
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
        new TemplateInputs(parsed.root(), Map.of()));
  }

  /** The region of the synthetic ARNs and of {@link #stepFunctions()} ({@value #DEFAULT_REGION} by default). */
  public SamApplication withRegion(String region) {
    return new SamApplication(template, parsed, types, Objects.requireNonNull(region, "region"), accountId, inputs);
  }

  /** The account of the synthetic ARNs and of {@link #stepFunctions()} ({@value #DEFAULT_ACCOUNT_ID} by default). */
  public SamApplication withAccountId(String accountId) {
    return new SamApplication(template, parsed, types, region, Objects.requireNonNull(accountId, "accountId"), inputs);
  }

  /**
   * The template as deployed with parameter {@code name} set to {@code value} (what {@code sam deploy
   * --parameter-overrides name=value} does); other parameters keep their Default. Throws
   * IllegalArgumentException when the template declares no such parameter or its AllowedValues exclude the value.
   */
  public SamApplication withParameter(String name, String value) {
    return new SamApplication(template, parsed, types, region, accountId, inputs.with(name, value, file));
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
   * for each DefinitionSubstitution that refers to exactly one function of the template.
   */
  public Map<String, String> functionSubstitutions(String logicalId) {
    stateMachineId(logicalId);
    Map<String, String> keys = new LinkedHashMap<>();
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
    return StateMachine.load(definitionFile(logicalId), substitutions(logicalId));
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
          + " has no local DefinitionUri: set DefinitionUri: statemachine/<name>.asl.json");
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

  /** The value CloudFormation would substitute, with synthetic ARNs. */
  private String resolve(JsonNode v, String path) {
    if (v.isValueNode() && !v.isNull()) {
      return v.asText();
    }
    if (v.isObject() && v.size() == 1) {
      if (v.has("Fn::If")) {
        return resolve(inputs.choose(v.get("Fn::If"), path, this::resolve, this::error), path);
      }
      if (v.has("Fn::GetAtt")) {
        JsonNode g = v.get("Fn::GetAtt");
        String target = g.isArray() ? join(g) : g.asText();
        return getAtt(target, path);
      }
      if (v.has("Ref") && v.get("Ref").isTextual()) {
        return ref(v.get("Ref").asText(), path);
      }
      if (v.has("Fn::Sub") && v.get("Fn::Sub").isTextual()) {
        Matcher m = SUB_VAR.matcher(v.get("Fn::Sub").asText());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
          String var = m.group(1);
          String value = var.startsWith("!") ? "${" + var.substring(1) + "}"
              : var.contains(".") && !var.startsWith("AWS::") ? getAtt(var, path) : ref(var, path);
          m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
      }
    }
    throw error(path, "cannot resolve " + v
        + " offline: use !GetAtt <Function>.Arn, !Ref <Function>, !Ref <Parameter>, !Ref AWS::Region/AWS::AccountId,"
        + " !Sub with those, !If [Condition, a, b], or a literal value");
  }

  private String getAtt(String target, String path) {
    int dot = target.indexOf('.');
    String id = dot > 0 ? target.substring(0, dot) : target;
    String attribute = dot > 0 ? target.substring(dot + 1) : "";
    if (!types.containsKey(id)) {
      throw error(path, "!GetAtt " + target + ": the template has no resource " + id);
    }
    if (!isFunction(id) || !attribute.equals("Arn")) {
      throw error(path, "!GetAtt " + target + " cannot be resolved offline: only a function's Arn can"
          + " (" + id + " is " + types.get(id) + ")");
    }
    return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + id;
  }

  private String ref(String name, String path) {
    switch (name) {
      case "AWS::Region" -> {
        return region;
      }
      case "AWS::AccountId" -> {
        return accountId;
      }
      case "AWS::Partition" -> {
        return "aws";
      }
      default -> {
        if (isFunction(name)) {
          return name;
        }
        if (inputs.declares(name)) {
          return inputs.parameter(name, path, this::error);
        }
        throw error(path, "!Ref " + name + " cannot be resolved offline: only a function or a parameter of the"
            + " template, AWS::Region, AWS::AccountId and AWS::Partition can"
            + (types.containsKey(name) ? " (" + name + " is " + types.get(name) + ")" : ""));
      }
    }
  }

  private static String join(JsonNode array) {
    List<String> parts = new ArrayList<>();
    array.forEach(p -> parts.add(p.asText()));
    return String.join(".", parts);
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
