package com.example.orders.fulfilment;

import com.example.orders.fulfilment.OrderFulfilment.Attempt;
import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.HistoryEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The workshop's "main job": runs the lesson 04 workflow offline on one sample order and prints
 * the execution history, the result and the path taken. Started by the {@code run-workflow}
 * profile of this module's pom (see README).
 *
 * <p>Arguments: the lesson folder, then the sample order: a path from the directory Maven was started
 * in, or from the lesson folder (so {@code -Dorder=events/order-happy.json} works from both).
 */
public final class RunWorkflow {

  /** Fixed, so that every run of a sample shows the same jittered delays. */
  static final long SEED = 2026;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RunWorkflow() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: RunWorkflow LESSON_DIR ORDER_JSON");
    }
    Path lesson = Path.of(args[0]);
    Path given = Path.of(args[1]);
    Path sample = Files.exists(given) ? given : lesson.resolve(given);
    String input = readSample(lesson, sample, args[1]);
    System.out.print(report(lesson, args[1], input, Boolean.getBoolean("logs")));
  }

  static String report(Path lesson, String sampleName, String input, boolean showFunctionLogs) throws IOException {
    OrderFulfilment workflow = OrderFulfilment.load(lesson);
    PrintStream originalErr = System.err;
    ByteArrayOutputStream functionLogs = new ByteArrayOutputStream();
    Execution run;
    // Function logs (START/END/REPORT, stack traces) go to stderr, as in CloudWatch; keep them apart.
    System.setErr(new PrintStream(functionLogs, true, StandardCharsets.UTF_8));
    try {
      run = workflow.engine(2).randomSeed(SEED).build().start(workflow.machine, input, OrderFulfilment.PAYMENT_CONFIRMED);
    } finally {
      System.setErr(originalErr);
    }

    StringBuilder out = new StringBuilder();
    out.append("Order fulfilment, run offline by local-runtime (virtual time: retries and timeouts do not wait)\n")
        .append("definition: ").append(definitionPath(lesson)).append('\n')
        .append("input:      ").append(sampleName).append(simulated(input)).append("\n\n");

    out.append("== Execution history ==\n").append(run.historyTable()).append('\n');

    out.append("== Result ==\n").append("status: ").append(run.status()).append('\n');
    if (run.status() == ExecutionStatus.SUCCEEDED) {
      out.append("output: ").append(run.output()).append('\n');
    } else {
      out.append("error:  ").append(run.error()).append('\n').append("cause:  ").append(run.cause()).append('\n');
    }
    for (String line : retries(run)) {
      out.append(line).append('\n');
    }
    String caught = caught(run);
    if (caught != null) {
      out.append(caught).append('\n');
    }
    if (showFunctionLogs) {
      out.append("\n== Function logs ==\n").append(functionLogs.toString(StandardCharsets.UTF_8));
    }

    out.append("\n== Path taken (Mermaid: paste into a Markdown file on GitHub, or into mermaid.live) ==\n")
        .append("```mermaid\n").append(workflow.machine.toMermaid(run));
    if (out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
    out.append("```\n\n");

    out.append("Other paths: add -Dorder=events/<sample>.json to the command, e.g.\n  ")
        .append(command(lesson)).append(" -Dorder=events/order-payment-slow.json\n")
        .append("samples: ").append(String.join(", ", samples(lesson))).append('\n')
        .append("(what each one does: the classroom table in this lesson's README; function logs: add -Dlogs=true)\n");
    return out.toString();
  }

  /** The main job's command as run from where Maven was started: the lesson folder, or the folder above it. */
  static String command(Path lesson) {
    Path folder = lesson.toAbsolutePath().normalize();
    if (folder.equals(Path.of("").toAbsolutePath())) {
      return "./mvnw -q test-compile -Drun-workflow";
    }
    return "./mvnw -q -B -ntp -pl " + folder.getFileName() + " -am test-compile -Drun-workflow";
  }

  /** E.g. {@code 04-error-handling/statemachine/order-fulfilment.asl.json}. */
  private static Path definitionPath(Path lesson) {
    Path name = lesson.toAbsolutePath().normalize().getFileName();
    return name.resolve("statemachine").resolve("order-fulfilment.asl.json");
  }

  private static String readSample(Path lesson, Path sample, String given) throws IOException {
    try {
      String text = Files.readString(sample);
      MAPPER.readTree(text);
      return text;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("order file not found: " + sample.normalize() + " (-Dorder=" + given
          + "). Samples: " + String.join(", ", samples(lesson)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(sample.normalize() + " is not JSON: line " + e.getLocation().getLineNr()
          + ": " + e.getOriginalMessage());
    }
  }

  private static String simulated(String input) throws IOException {
    JsonNode simulate = MAPPER.readTree(input).path("simulate");
    if (!simulate.isArray() || simulate.isEmpty()) {
      return "  (no failure simulated)";
    }
    List<String> names = new ArrayList<>();
    simulate.forEach(s -> names.add(s.asText()));
    return "  (simulate: " + String.join(", ", names) + ")";
  }

  /** One line per retried state: how often, and how long each wait was. */
  private static List<String> retries(Execution run) {
    List<String> lines = new ArrayList<>();
    List<Attempt> attempts = OrderFulfilment.failedAttempts(run);
    List<String> states = attempts.stream().map(Attempt::state).distinct().toList();
    for (String state : states) {
      List<Attempt> retried = attempts.stream().filter(a -> a.state().equals(state) && a.delay() != null).toList();
      if (retried.isEmpty()) {
        continue;
      }
      List<String> waits = retried.stream()
          .map(a -> String.format(Locale.ROOT, "%.3f s", a.delay().toMillis() / 1000.0)).toList();
      lines.add("retried: " + state + " " + retried.size() + "x after " + retried.get(0).error()
          + " (waited " + String.join(", ", waits) + ")");
    }
    return lines;
  }

  /** The error a Catch stored in $.error, as the last state saw it. */
  private static String caught(Execution run) throws IOException {
    List<HistoryEvent> history = run.history();
    for (int i = history.size() - 1; i >= 0; i--) {
      HistoryEvent e = history.get(i);
      if (e.type().endsWith("StateEntered")) {
        JsonNode error = MAPPER.readTree(e.details().path("input").asText()).path("error");
        if (error.isMissingNode()) {
          return null;
        }
        String message = error.path("Cause").asText("");
        try {
          message = MAPPER.readTree(message).path("errorMessage").asText(message);
        } catch (IOException notJson) {
          // States.Timeout and friends have a plain-text (or empty) cause
        }
        return "caught: " + error.path("Error").asText() + (message.isEmpty() ? "" : ": " + message)
            + "  (kept in $.error, next to the order)";
      }
    }
    return null;
  }

  private static List<String> samples(Path lesson) throws IOException {
    try (Stream<Path> files = Files.list(lesson.resolve("events"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
  }
}
