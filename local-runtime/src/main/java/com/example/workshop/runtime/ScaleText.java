package com.example.workshop.runtime;

import com.example.workshop.runtime.scaling.HandlerTimings;
import com.example.workshop.runtime.scaling.SqsEventSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What {@code scale} prints above the report: what was measured, and what was replayed. */
final class ScaleText {
  private ScaleText() {}

  static String measured(String handler, HandlerTimings t, String eachInvocation) {
    List<Double> init = t.coldStarts().stream().map(HandlerTimings.ColdStart::initMs).sorted().toList();
    List<Double> first = t.coldStarts().stream().map(HandlerTimings.ColdStart::invokeMs).sorted().toList();
    List<Double> warm = t.warmMs().stream().sorted().toList();
    return f("Measured %s on this machine, %s each:%n", handler.replaceFirst("^.*\\.", ""), eachInvocation)
        + f("  %d cold starts: init duration %s ms, first invocation %s ms%n", init.size(), range(init), range(first))
        + f("  %d warm invocations: %.2f ms median, %s ms%n", warm.size(), warm.get((warm.size() - 1) / 2),
            range(warm));
  }

  static String replayed(int events, String rate, SqsEventSource sqs, int memoryMb, String architecture,
      String reserved, String account, long seed) {
    String arrivals = rate == null ? "all at once" : rate + " per second";
    String what = sqs == null ? f("%d synchronous invocations, sent %s", events, arrivals)
        : f("%d messages sent %s to an SQS queue (batch size %d, batching window %d s, maximum concurrency %s,"
            + " visibility timeout %d s%s)", events, arrivals, sqs.batchSize(), sqs.batchingWindow().toSeconds(),
            sqs.maximumConcurrency().isPresent() ? String.valueOf(sqs.maximumConcurrency().getAsInt()) : "none",
            sqs.visibilityTimeout().toSeconds(), sqs.maxReceiveCount().isPresent()
                ? ", maxReceiveCount " + sqs.maxReceiveCount().getAsInt() : "");
    return f("Replayed %s;%n  function: %d MB %s, reserved concurrency %s, account concurrency %s; seed %d", what,
        memoryMb, architecture == null ? "x86_64" : architecture, reserved == null ? "none" : reserved, account, seed);
  }

  static ObjectNode timingsJson(HandlerTimings t) {
    ObjectNode json = new ObjectMapper().createObjectNode();
    var cold = json.putArray("coldStarts");
    t.coldStarts().forEach(c -> cold.addObject().put("initMs", c.initMs()).put("invokeMs", c.invokeMs()));
    var warm = json.putArray("warmMs");
    t.warmMs().forEach(warm::add);
    return json;
  }

  static void writeTimings(String file, HandlerTimings t) {
    try {
      Path path = InputText.path(file, "timings");
      if (path.toAbsolutePath().getParent() != null) {
        Files.createDirectories(path.toAbsolutePath().getParent());
      }
      Files.writeString(path, timingsJson(t).toPrettyString() + System.lineSeparator());
    } catch (IOException e) {
      throw new UsageException("cannot write timings file " + file + ": " + e.getMessage());
    }
  }

  /** What {@link #writeTimings} wrote (also the "measured" object of {@code scale --json}). */
  static HandlerTimings readTimings(String file, String text) {
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new UsageException("timings file " + file + " is not valid JSON: " + e.getMessage().split("\\R")[0]);
    }
    if (json != null && json.has("measured")) {
      json = json.get("measured");
    }
    String shape = " (write it with --save-timings: {\"coldStarts\": [{\"initMs\": .., \"invokeMs\": ..}],"
        + " \"warmMs\": [..]})";
    if (json == null || !json.path("coldStarts").isArray() || !json.path("warmMs").isArray()) {
      throw new UsageException("timings file " + file + " needs coldStarts and warmMs arrays" + shape);
    }
    List<HandlerTimings.ColdStart> cold = new ArrayList<>();
    List<Double> warm = new ArrayList<>();
    try {
      for (JsonNode c : json.get("coldStarts")) {
        cold.add(new HandlerTimings.ColdStart(number(c, "initMs"), number(c, "invokeMs")));
      }
      for (JsonNode w : json.get("warmMs")) {
        warm.add(number(w, null));
      }
      return HandlerTimings.of(cold, warm);
    } catch (IllegalArgumentException e) {
      throw new UsageException("timings file " + file + ": " + e.getMessage() + shape);
    }
  }

  private static double number(JsonNode node, String field) {
    JsonNode v = field == null ? node : node.path(field);
    if (!v.isNumber()) {
      throw new IllegalArgumentException((field == null ? "each of warmMs" : field) + " must be a number, got " + v);
    }
    return v.doubleValue();
  }

  private static String range(List<Double> sorted) {
    return sorted.size() == 1 ? f("%.2f", sorted.get(0))
        : f("%.2f to %.2f", sorted.get(0), sorted.get(sorted.size() - 1));
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
