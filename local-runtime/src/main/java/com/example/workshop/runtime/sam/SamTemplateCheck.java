package com.example.workshop.runtime.sam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Offline checks of a lesson's SAM {@code template.yaml}: the mistakes that otherwise surface only
 * after {@code sam deploy}, or at the first invocation. A lesson's test is one line:
 *
 * <pre>{@code SamTemplateCheck.of(Path.of("template.yaml")).assertNoFindings();}</pre>
 *
 * <p>Rules (each {@link Finding#rule()}):
 *
 * <ul>
 *   <li>{@code HANDLER_*}: a function's Handler names a class or method that is not on the
 *       classpath, a class without a public no-argument constructor, or an input type that does not
 *       fit the function's event source (S3, SQS, SNS, DynamoDB, Kinesis, Api, HttpApi);
 *   <li>{@code PARTIAL_BATCH_RESPONSE_IGNORED} / {@code _MISSING}: a handler returns
 *       SQSBatchResponse/StreamsEventResponse without ReportBatchItemFailures on its event, or
 *       the other way round;
 *   <li>{@code SUBSTITUTION_MISSING} / {@code SUBSTITUTION_UNUSED}: an ASL {@code ${placeholder}}
 *       without a DefinitionSubstitutions entry, or an entry that no placeholder uses;
 *   <li>{@code INVOKE_POLICY_MISSING}: a state machine calls a function of the template without a
 *       policy that allows {@code lambda:InvokeFunction} on it;
 *   <li>{@code INVOKE_POLICY_UNUSED}: a state machine's {@code LambdaInvokePolicy} names a function
 *       of the template that none of its Task states calls;
 *   <li>{@code WILDCARD_RESOURCE}: a policy grants on {@code *} (or {@code function:*} ...) for a
 *       service whose resource is declared in this template, so a specific ARN exists;
 *   <li>{@code DUPLICATE_KEY}: a mapping repeats a key (YAML silently keeps the last one);
 *   <li>{@code RUNTIME} / {@code ARCHITECTURES} / {@code MEMORY_SIZE}: a function differs from the
 *       values the docs teach ({@link #TAUGHT_RUNTIME}, {@link #TAUGHT_ARCHITECTURES}, {@link
 *       #TAUGHT_MEMORY_SIZE}), Globals included.
 * </ul>
 *
 * Instances are immutable; the {@code with...} methods return changed copies.
 */
public final class SamTemplateCheck {
  /** The Lambda runtime every lesson deploys on (docs/deploy-aws.md). */
  public static final String TAUGHT_RUNTIME = "java21";
  /** Graviton: cheaper per GB-second than x86_64. */
  public static final List<String> TAUGHT_ARCHITECTURES = List.of("arm64");
  /** MB; the lessons' cold starts and cost examples assume it. */
  public static final int TAUGHT_MEMORY_SIZE = 1024;

  static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
  static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";
  static final String SERVERLESS_STATE_MACHINE = "AWS::Serverless::StateMachine";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path template;
  private final ClassLoader classLoader;
  private final String runtime;
  private final List<String> architectures;
  private final int memorySize;

  private SamTemplateCheck(
      Path template, ClassLoader classLoader, String runtime, List<String> architectures, int memorySize) {
    this.template = template;
    this.classLoader = classLoader;
    this.runtime = runtime;
    this.architectures = architectures;
    this.memorySize = memorySize;
  }

  /** Checks {@code template} with the taught settings, loading handler classes from the context class loader. */
  public static SamTemplateCheck of(Path template) {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return new SamTemplateCheck(
        Objects.requireNonNull(template, "template"),
        cl != null ? cl : SamTemplateCheck.class.getClassLoader(),
        TAUGHT_RUNTIME,
        TAUGHT_ARCHITECTURES,
        TAUGHT_MEMORY_SIZE);
  }

  /** Where handler classes are looked up (a lesson's test classpath by default). */
  public SamTemplateCheck withClassLoader(ClassLoader loader) {
    return new SamTemplateCheck(template, Objects.requireNonNull(loader), runtime, architectures, memorySize);
  }

  public SamTemplateCheck withRuntime(String expected) {
    return new SamTemplateCheck(template, classLoader, Objects.requireNonNull(expected), architectures, memorySize);
  }

  public SamTemplateCheck withArchitectures(String... expected) {
    return new SamTemplateCheck(template, classLoader, runtime, List.of(expected), memorySize);
  }

  public SamTemplateCheck withMemorySize(int expectedMb) {
    return new SamTemplateCheck(template, classLoader, runtime, architectures, expectedMb);
  }

  /** Every problem found, in template order; empty when the template passes. Never throws for a bad template. */
  public List<Finding> findings() {
    Run run = new Run(template.getFileName() != null ? template.getFileName().toString() : template.toString());
    String text;
    try {
      text = Files.readString(template, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      run.add("TEMPLATE_UNREADABLE", 0, "", "file not found: " + template.toAbsolutePath());
      return List.copyOf(run.findings);
    } catch (IOException e) {
      run.add("TEMPLATE_UNREADABLE", 0, "", "cannot read " + template + ": " + e.getMessage());
      return List.copyOf(run.findings);
    }
    try {
      run.parsed = CfnYaml.parse(text);
    } catch (IOException e) {
      run.add("TEMPLATE_UNREADABLE", 0, "", "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
      return List.copyOf(run.findings);
    }
    for (String dup : run.parsed.duplicateKeys()) {
      int at = dup.lastIndexOf('@');
      run.add("DUPLICATE_KEY", Integer.parseInt(dup.substring(at + 1)), dup.substring(0, at),
          "key '" + dup.substring(dup.lastIndexOf('.', at) + 1, at) + "' appears twice in one mapping;"
              + " YAML keeps only the last one: remove or merge the duplicate");
    }
    JsonNode resources = run.parsed.root().path("Resources");
    if (!resources.isObject() || resources.isEmpty()) {
      run.add("TEMPLATE_UNREADABLE", 0, "Resources", "the template declares no Resources");
      return List.copyOf(run.findings);
    }
    resources.fields().forEachRemaining(e -> run.types.put(e.getKey(), e.getValue().path("Type").asText("")));
    JsonNode globals = run.parsed.root().path("Globals").path("Function");
    Policies policies = new Policies(run);
    Handlers handlers = new Handlers(run, classLoader);
    resources
        .fields()
        .forEachRemaining(
            e -> {
              String id = e.getKey();
              JsonNode r = e.getValue();
              String type = run.types.get(id);
              String props = "Resources." + id + ".Properties";
              if (type.equals(SERVERLESS_FUNCTION) || type.equals(LAMBDA_FUNCTION)) {
                JsonNode g = type.equals(SERVERLESS_FUNCTION) ? globals : JSON.createObjectNode();
                checkSettings(run, id, r.path("Properties"), g, props);
                handlers.check(id, r.path("Properties"), g, props);
              } else if (type.equals(SERVERLESS_STATE_MACHINE)) {
                new StateMachines(run, template.toAbsolutePath().getParent(), policies).check(id, r.path("Properties"), props);
              }
            });
    policies.checkWildcards();
    run.findings.sort(Comparator.comparing((Finding f) -> !f.file().equals(run.file))
        .thenComparing(Finding::file).thenComparingInt(Finding::line));
    return Collections.unmodifiableList(run.findings);
  }

  /** Throws an AssertionError listing every finding, one per line; returns quietly when there is none. */
  public void assertNoFindings() {
    List<Finding> found = findings();
    if (!found.isEmpty()) {
      throw new AssertionError(
          found.size() + " problem(s) in " + template + ":\n"
              + found.stream().map(f -> "  " + f).collect(Collectors.joining("\n")));
    }
  }

  private void checkSettings(Run run, String id, JsonNode props, JsonNode globals, String where) {
    if (props.path("PackageType").asText("Zip").equals("Image")) {
      return;
    }
    Setting rt = Setting.of(props, globals, "Runtime", where);
    if (rt.value == null || !rt.value.asText().equals(runtime)) {
      run.add("RUNTIME", rt.line(run), rt.path,
          "function " + id + " runs on " + (rt.value == null ? "no Runtime" : "'" + rt.value.asText() + "'")
              + " but the lessons teach '" + runtime + "': set Runtime: " + runtime
              + " (in Globals.Function or the function)");
    }
    Setting arch = Setting.of(props, globals, "Architectures", where);
    List<String> actual = new ArrayList<>();
    if (arch.value == null) {
      actual.add("x86_64");
    } else if (arch.value.isArray()) {
      arch.value.forEach(a -> actual.add(a.asText()));
    } else {
      actual.add(arch.value.asText());
    }
    if (!actual.equals(architectures)) {
      run.add("ARCHITECTURES", arch.line(run), arch.path,
          "function " + id + " runs on " + actual + (arch.value == null ? " (the default)" : "")
              + " but the lessons teach " + architectures + ": set Architectures: " + architectures);
    }
    Setting mem = Setting.of(props, globals, "MemorySize", where);
    int mb = mem.value == null ? 128 : mem.value.asInt(-1);
    if (mb != memorySize) {
      run.add("MEMORY_SIZE", mem.line(run), mem.path,
          "function " + id + " has MemorySize " + (mem.value == null ? "128 (the default)" : mem.value.asText())
              + " but the lessons teach " + memorySize + ": set MemorySize: " + memorySize);
    }
  }

  /** A function property, taken from the function or else from Globals.Function. */
  private record Setting(JsonNode value, String path) {
    static Setting of(JsonNode props, JsonNode globals, String name, String where) {
      if (props.has(name)) {
        return new Setting(props.get(name), where + "." + name);
      }
      if (globals.has(name)) {
        return new Setting(globals.get(name), "Globals.Function." + name);
      }
      return new Setting(null, where);
    }

    int line(Run run) {
      return run.parsed.line(path);
    }
  }

  /** State of one check run: the parsed template and what was found so far. */
  static final class Run {
    final String file;
    final List<Finding> findings = new ArrayList<>();
    final Map<String, String> types = new LinkedHashMap<>();
    CfnYaml.Parsed parsed;

    Run(String file) {
      this.file = file;
    }

    void add(String rule, int line, String location, String message) {
      findings.add(new Finding(rule, file, line, location, message));
    }

    void addIn(String otherFile, String rule, int line, String location, String message) {
      findings.add(new Finding(rule, otherFile, line, location, message));
    }

    int line(String path) {
      return parsed.line(path);
    }

    boolean isFunction(String id) {
      String t = types.get(id);
      return SERVERLESS_FUNCTION.equals(t) || LAMBDA_FUNCTION.equals(t);
    }

    List<String> idsOfTypes(List<String> wanted) {
      return types.entrySet().stream()
          .filter(e -> wanted.contains(e.getValue()))
          .map(Map.Entry::getKey)
          .collect(Collectors.toList());
    }
  }

  static JsonNode parseJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  static String toJson(JsonNode node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> texts(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v == null || v.isMissingNode() || v.isNull()) {
      return out;
    }
    if (v.isArray()) {
      v.forEach(x -> out.add(x.asText()));
    } else {
      out.add(v.asText());
    }
    return out;
  }

  static List<JsonNode> items(JsonNode v) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      return List.of();
    }
    if (v.isArray()) {
      List<JsonNode> out = new ArrayList<>();
      v.forEach(out::add);
      return out;
    }
    return Arrays.asList(v);
  }
}
