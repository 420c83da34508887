package com.example.workshop.runtime;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.LambdaFunctionError;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StartOptions;
import com.example.workshop.runtime.sfn.StateMachine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code conformance DIR [--skip-list FILE] [--only GLOB]}: runs the AWS-recorded vectors (format:
 * DIR/README.md) and compares status, error, cause, output and the history: event types, ids,
 * previousEventIds and details (only the types with {@code --types-only}). Prints
 * one line per failing case and {@code N passed, M failed, K skipped}; exit 1 when a case fails.
 */
final class ConformanceCommand {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final String ACCOUNT = "111111111111";
  static final String REGION = "us-east-1";
  static final String ROLE = "snf_role_arn";
  static final String MACHINE = "<ArnPart_0idx>";
  static final String EXECUTION = "<ExecArnPart_0idx>";
  /** Values the recording masked: they match anything. */
  private static final Set<String> WILDCARDS = Set.of("timestamp", "date", "start-time",
      "entered-time", "RandomNumberGenerated", "generated-uuid", "RequestId", "x-amzn-RequestId",
      "X-Amzn-Trace-Id", "<timestamp>", "<request_id>");
  private static final Pattern PLACEHOLDER =
      Pattern.compile("<(uuid:\\d+|request_id|json-input:\\d+|timestamp|start-time|entered-time"
          + "|MapRunArnPart\\w*)>");

  private ConformanceCommand() {}

  private record Skip(Pattern pattern, String reason) {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    Args a = Args.parse(args, Set.of("--skip-list", "--only"),
        Set.of("--help", "--types-only"));
    if (a.has("--help")) {
      out.println("usage: conformance DIR [--skip-list FILE] [--only GLOB] [--types-only]");
      return 0;
    }
    if (a.positionals().size() != 1) {
      throw new UsageException("conformance takes one folder of vectors, e.g."
          + " conformance ../shared/conformance");
    }
    Path dir = Path.of(a.positionals().get(0));
    if (!Files.isDirectory(dir)) {
      throw new UsageException("conformance folder not found: " + dir);
    }
    List<Skip> skips = a.has("--skip-list") ? readSkips(Path.of(a.get("--skip-list")))
        : List.of();
    PathMatcher only = null;
    if (a.has("--only")) {
      try {
        only = FileSystems.getDefault().getPathMatcher("glob:" + a.get("--only"));
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new UsageException("--only " + a.get("--only") + " is not a glob: " + e.getDescription()
            + " (examples: 'lambda/*', '*/retry_*.json')");
      }
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().equals("INDEX.json"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UsageException("cannot list " + dir + ": " + e.getMessage());
    }
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (Path file : files) {
      String rel = dir.relativize(file).toString().replace('\\', '/');
      if (only != null && !only.matches(Path.of(rel))) {
        continue;
      }
      JsonNode doc;
      try {
        doc = MAPPER.readTree(file.toFile());
      } catch (IOException e) {
        throw new UsageException("cannot read vector file " + file + ": " + e.getMessage());
      }
      for (JsonNode c : doc.path("cases")) {
        String key = rel + "::" + c.path("id").asText();
        if (skipped(skips, rel, key)) {
          skipped++;
          continue;
        }
        String problem;
        try {
          problem = rel.startsWith("validation/") ? checkValidation(c)
              : checkExecution(doc, c, !a.has("--types-only"));
        } catch (RuntimeException e) {
          problem = "internal exception " + e;
        }
        if (problem == null) {
          passed++;
        } else {
          failed++;
          out.println("FAIL " + key + ": " + problem);
        }
      }
    }
    out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
    return failed == 0 ? 0 : 1;
  }

  private static boolean skipped(List<Skip> skips, String rel, String key) {
    for (Skip s : skips) {
      if (s.pattern.matcher(rel).matches() || s.pattern.matcher(key).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Lines {@code pattern<TAB or spaces>reason}; '#' comments; every pattern needs a reason. A
   * pattern matches a vector file ({@code group/file.json}) or one case ({@code
   * group/file.json::case-id}); {@code *} is a wildcard.
   */
  static List<Skip> readSkips(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UsageException("cannot read skip list " + file + ": " + e.getMessage());
    }
    List<Skip> skips = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      if (parts.length < 2 || parts[1].isBlank()) {
        throw new UsageException(file + " line " + (i + 1) + ": '" + parts[0]
            + "' has no reason; write 'pattern<TAB>reason'");
      }
      skips.add(new Skip(wildcard(parts[0]), parts[1]));
    }
    return skips;
  }

  /** {@code *} matches any text (also across '/'); everything else is literal. */
  static Pattern wildcard(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }

  private static String checkValidation(JsonNode c) {
    return ConformanceValidation.check(c);
  }

  private static String checkExecution(JsonNode doc, JsonNode c, boolean strictHistory) {
    LocalStepFunctions.Builder b = LocalStepFunctions.builder().accountId(ACCOUNT).region(REGION)
        .roleArn(ROLE).randomSeed(7).clock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"),
            ZoneOffset.UTC));
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("lambdas").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode spec = e.getValue();
      String kind = spec.path("kind").asText();
      if (kind.equals("raise")) {
        String type = spec.path("errorType").asText();
        String message = spec.path("errorMessage").asText();
        b.function(e.getKey(), event -> {
          throw new LambdaFunctionError(type, message);
        });
      } else if (kind.equals("return")) {
        String source = spec.path("python_source").asText();
        if (source.equals("return event")) {
          b.function(e.getKey(), event -> event);
        } else if (source.contains("257 * 1024")) {
          String big = "\"" + "a".repeat(257 * 1024) + "\"";
          b.function(e.getKey(), event -> big);
        } else {
          String value = spec.path("returns").toString();
          b.function(e.getKey(), event -> value);
        }
      }
    }
    StateMachine machine = StateMachine.parse(c.path("definition").toString(), Map.of());
    Execution ex = b.build().start(machine, c.path("input").toString(),
        StartOptions.defaults().withStateMachineName(MACHINE).withExecutionName(EXECUTION));
    JsonNode expected = c.path("expected");
    String status = expected.path("status").asText();
    if (!status.equals(ex.status().name())) {
      return "status " + ex.status() + " (error " + ex.error() + ", cause " + ex.cause()
          + "), expected " + status;
    }
    if (status.equals("SUCCEEDED")) {
      JsonNode actual = parse(ex.output());
      if (!matches(expected.path("output"), actual)) {
        return "output " + actual + ", expected " + expected.path("output");
      }
    } else {
      String wantError = expected.has("error") ? expected.get("error").asText() : null;
      if (wantError == null ? ex.error() != null : !wantError.equals(ex.error())) {
        return "error " + ex.error() + ", expected " + wantError;
      }
      if (expected.has("cause")) {
        if (ex.cause() == null || !causeMatches(expected.get("cause").asText(), ex.cause())) {
          return "cause " + ex.cause() + ", expected " + expected.get("cause").asText();
        }
      } else if (expected.has("cause_json")) {
        JsonNode actual = ex.cause() == null ? null : parseOrNull(ex.cause());
        JsonNode want = expected.get("cause_json");
        if (actual == null || !want.path("errorType").equals(actual.path("errorType"))
            || !want.path("errorMessage").equals(actual.path("errorMessage"))) {
          return "cause " + ex.cause() + ", expected " + want;
        }
      } else if (!expected.has("error") && ex.cause() != null) {
        return "cause " + ex.cause() + ", expected none";
      }
    }
    if (c.has("history") && !c.path("history_parallel_normalized").asBoolean(false)) {
      List<String> want = new ArrayList<>();
      c.get("history").forEach(e -> want.add(e.path("type").asText()));
      List<String> got = ex.history().stream().map(e -> e.type()).toList();
      if (!want.equals(got)) {
        return "history " + got + ", expected " + want;
      }
      if (strictHistory) {
        List<String> wantIds = new ArrayList<>();
        c.get("history").forEach(e -> wantIds.add(e.path("id").asText() + "<-"
            + e.path("previousEventId").asText()));
        List<String> gotIds = ex.history().stream()
            .map(e -> e.id() + "<-" + e.previousEventId()).toList();
        if (!wantIds.equals(gotIds)) {
          return "event ids " + gotIds + ", expected " + wantIds;
        }
        for (int i = 0; i < want.size(); i++) {
          JsonNode w = c.get("history").get(i);
          var e = ex.history().get(i);
          String name = e.detailsName();
          JsonNode wantDetails = name == null ? null : w.get(name);
          JsonNode gotDetails = e.details() == null ? null : snapshotForm(e.details());
          boolean same = wantDetails == null ? gotDetails == null || gotDetails.isEmpty()
              : gotDetails != null && matches(wantDetails, gotDetails);
          if (!same && !(name == null && hasNoDetails(w))) {
            return "event " + (i + 1) + " " + e.type() + " details " + gotDetails + ", expected "
                + w;
          }
        }
      }
    }
    return null;
  }

  private static boolean hasNoDetails(JsonNode event) {
    for (Iterator<String> it = event.fieldNames(); it.hasNext(); ) {
      if (it.next().endsWith("EventDetails")) {
        return false;
      }
    }
    return true;
  }

  /** The recording parsed JSON-text strings that start with '{' (not inside those): do the same. */
  private static JsonNode snapshotForm(JsonNode node) {
    if (node.isTextual() && node.asText().startsWith("{")) {
      JsonNode parsed = parseOrNull(node.asText());
      return parsed != null ? parsed : node;
    }
    if (node.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode copy = MAPPER.createObjectNode();
      node.fields().forEachRemaining(f -> copy.set(f.getKey(), snapshotForm(f.getValue())));
      return copy;
    }
    return node;
  }

  static boolean causeMatches(String expected, String actual) {
    StringBuilder regex = new StringBuilder();
    var m = PLACEHOLDER.matcher(expected);
    int at = 0;
    while (m.find()) {
      regex.append(Pattern.quote(expected.substring(at, m.start()))).append("(?s).*");
      at = m.end();
    }
    regex.append(Pattern.quote(expected.substring(at)));
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).matches();
  }

  /** JSON equality with masked values as wildcards and numbers compared by value. */
  static boolean matches(JsonNode expected, JsonNode actual) {
    if (expected.isTextual() && (WILDCARDS.contains(expected.asText())
        || PLACEHOLDER.matcher(expected.asText()).matches())) {
      return actual != null;
    }
    if (actual == null) {
      return false;
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isObject() && expected.has("errorType") && expected.has("stackTrace")
        && actual.isObject()) {
      // a Lambda error document: the stack trace is the recording runtime's (Python)
      return expected.path("errorType").equals(actual.path("errorType"))
          && expected.path("errorMessage").equals(actual.path("errorMessage"));
    }
    if (expected.isTextual() && actual.isTextual()
        && !expected.asText().equals(actual.asText())) {
      JsonNode want = parseOrNull(expected.asText());
      JsonNode got = parseOrNull(actual.asText());
      if (want != null && got != null && !want.isObject()) {
        return matches(want, got); // JSON text: compare by value, not spacing
      }
    }
    if (expected.isTextual() && actual.isTextual()) {
      if (expected.asText().startsWith("{\"errorMessage\"")) {
        JsonNode want = parseOrNull(expected.asText());
        JsonNode got = parseOrNull(actual.asText());
        return want != null && got != null
            && want.path("errorType").equals(got.path("errorType"))
            && want.path("errorMessage").equals(got.path("errorMessage"));
      }
      return expected.asText().equals(actual.asText())
          || PLACEHOLDER.matcher(expected.asText()).find()
              && causeMatches(expected.asText(), actual.asText());
    }
    if (expected.isObject() && actual.isObject()) {
      // $$.Execution.RedriveCount exists since 2024; older recordings lack it
      int extra = !expected.has("RedriveCount") && actual.has("RedriveCount") ? 1 : 0;
      if (expected.size() + extra != actual.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!matches(e.getValue(), actual.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!matches(expected.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("engine produced invalid JSON: " + json, e);
    }
  }

  private static JsonNode parseOrNull(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }
}
