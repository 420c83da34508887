package com.example.workshop.runtime.scaling;

import com.example.workshop.runtime.lambda.Architecture;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@link ScalingReplay} did, in virtual time.
 *
 * @param source "sqs" (messages polled by an event source mapping) or "synchronous" (Invoke calls)
 * @param events messages sent, or requests made
 * @param finishedAfterSeconds virtual time from the first event to the last thing that happened
 * @param coldStarts invocations that started a new environment (its Init Duration billed with it)
 * @param peakPollers the most concurrent batches the event source mapping allowed; 0 for synchronous
 * @param invocations invocations that ran (each one a billed request); throttled ones are not counted
 * @param throttles invocations refused with TooManyRequestsException (429), by reason
 * @param completed messages processed, or requests answered by the function
 * @param rejected synchronous requests answered 429 (the caller's to retry); 0 for SQS
 * @param deadLettered messages moved to the dead-letter queue after maxReceiveCount receives
 * @param expired messages deleted by SQS after the retention period
 * @param receivedMoreThanOnce messages the queue delivered again (after a throttle outlasted the visibility timeout)
 * @param durationMs the invocations' Duration, as in their REPORT lines
 * @param initMs the cold starts' Init Duration; null when there was none
 * @param latencyMs from sent to processed (or answered); null when nothing completed
 * @param timeline one row per second of virtual time
 */
public record ScalingReport(
    String source,
    int events,
    long seed,
    double finishedAfterSeconds,
    int environmentsCreated,
    int coldStarts,
    int peakConcurrency,
    int peakPollers,
    int invocations,
    Map<ThrottleReason, Integer> throttles,
    int completed,
    int rejected,
    int deadLettered,
    int expired,
    int receivedMoreThanOnce,
    Percentiles durationMs,
    Percentiles initMs,
    Percentiles latencyMs,
    double billedGbSeconds,
    double costUsd,
    int memoryMb,
    Architecture architecture,
    List<Second> timeline) {

  /** Nearest-rank percentiles of a set of durations, in milliseconds. */
  public record Percentiles(double p50, double p90, double p99, double max) {}

  /**
   * One second of virtual time: the most pollers and concurrent invocations in it, what started and
   * was throttled in it, and the messages waiting in the queue at its end.
   */
  public record Second(long second, int pollers, int concurrency, int newEnvironments, int invocations,
      int throttles, int waiting) {}

  public ScalingReport {
    throttles = Map.copyOf(throttles);
    timeline = List.copyOf(timeline);
  }

  public int totalThrottles() {
    return throttles.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int throttles(ThrottleReason reason) {
    return throttles.getOrDefault(reason, 0);
  }

  private boolean isSqs() {
    return source.equals("sqs");
  }

  /** The figures, one per line, for a terminal. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    line(out, "finished after", f("%.2f s (virtual time)", finishedAfterSeconds));
    line(out, "environments created", String.valueOf(environmentsCreated));
    line(out, "cold starts", String.valueOf(coldStarts));
    line(out, "peak concurrency", peakConcurrency + (isSqs() ? " (event source mapping: up to " + peakPollers
        + " batches at once)" : ""));
    line(out, "invocations", String.valueOf(invocations));
    StringBuilder reasons = new StringBuilder();
    for (ThrottleReason r : ThrottleReason.values()) {
      if (throttles(r) > 0) {
        reasons.append(reasons.isEmpty() ? ": " : ", ").append(throttles(r)).append(" over ").append(r.label());
      }
    }
    line(out, "throttles", totalThrottles() + (totalThrottles() > 0
        ? " (TooManyRequestsException, 429" + reasons + ")" : ""));
    if (isSqs()) {
      line(out, "messages processed", completed + " of " + events + " (dead-letter queue " + deadLettered
          + ", expired " + expired + ", received more than once " + receivedMoreThanOnce + ")");
    } else {
      line(out, "requests answered", completed + " of " + events + " (" + rejected + " answered 429)");
    }
    if (durationMs != null) {
      line(out, "duration p50/p90/p99/max", ms(durationMs));
    }
    if (initMs != null) {
      line(out, "init duration p50/p90/p99/max", ms(initMs));
    }
    if (latencyMs != null) {
      line(out, "latency p50/p90/p99/max", ms(latencyMs) + (isSqs() ? ", sent to processed" : ", request to answer"));
    }
    line(out, "billed", f("%.4f GB-s (%d MB x billed duration) for %d requests", billedGbSeconds, memoryMb,
        invocations));
    line(out, "cost", f("$%.7f USD = %d x $0.20/1M + %.4f GB-s x $%.10f (%s)", costUsd, invocations, billedGbSeconds,
        architecture.pricePerGbSecondUsd(), architecture.id()));
    return out.toString();
  }

  /** The timeline as a table, at most {@code rows} seconds of it (the first ones). */
  public String timelineText(int rows) {
    StringBuilder out = new StringBuilder();
    out.append(isSqs() ? "second  batches  concurrency  new environments  invocations  throttles  waiting\n"
        : "second  concurrency  new environments  invocations  throttles\n");
    for (Second s : timeline.subList(0, Math.min(rows, timeline.size()))) {
      out.append(isSqs()
          ? f("%6d  %7d  %11d  %16d  %11d  %9d  %7d%n", s.second(), s.pollers(), s.concurrency(), s.newEnvironments(),
              s.invocations(), s.throttles(), s.waiting())
          : f("%6d  %11d  %16d  %11d  %9d%n", s.second(), s.concurrency(), s.newEnvironments(), s.invocations(),
              s.throttles()));
    }
    if (timeline.size() > rows) {
      out.append(f("... %d more seconds%n", timeline.size() - rows));
    }
    return out.toString();
  }

  /** The report as one JSON object. */
  public ObjectNode toJson() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode json = mapper.createObjectNode();
    json.put("source", source).put("events", events).put("seed", seed)
        .put("finishedAfterSeconds", round(finishedAfterSeconds))
        .put("environmentsCreated", environmentsCreated).put("coldStarts", coldStarts)
        .put("peakConcurrency", peakConcurrency);
    if (isSqs()) {
      json.put("peakPollers", peakPollers);
    }
    json.put("invocations", invocations);
    ObjectNode t = json.putObject("throttles").put("total", totalThrottles());
    for (ThrottleReason r : ThrottleReason.values()) {
      t.put(r.name(), throttles(r));
    }
    json.put("completed", completed);
    if (isSqs()) {
      json.put("deadLettered", deadLettered).put("expired", expired).put("receivedMoreThanOnce", receivedMoreThanOnce);
    } else {
      json.put("rejected", rejected);
    }
    percentiles(json, "durationMs", durationMs);
    percentiles(json, "initDurationMs", initMs);
    percentiles(json, "latencyMs", latencyMs);
    json.put("memoryMb", memoryMb).put("architecture", architecture.id())
        .put("billedGbSeconds", round(billedGbSeconds)).put("costUsd", costUsd);
    ArrayNode seconds = json.putArray("timeline");
    for (Second s : timeline) {
      ObjectNode row = seconds.addObject().put("second", s.second());
      if (isSqs()) {
        row.put("pollers", s.pollers());
      }
      row.put("concurrency", s.concurrency()).put("newEnvironments", s.newEnvironments())
          .put("invocations", s.invocations()).put("throttles", s.throttles());
      if (isSqs()) {
        row.put("waiting", s.waiting());
      }
    }
    return json;
  }

  private static void percentiles(ObjectNode json, String name, Percentiles p) {
    if (p != null) {
      json.putObject(name).put("p50", round(p.p50())).put("p90", round(p.p90())).put("p99", round(p.p99()))
          .put("max", round(p.max()));
    }
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  private static String ms(Percentiles p) {
    return f("%.2f / %.2f / %.2f / %.2f ms", p.p50(), p.p90(), p.p99(), p.max());
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(f("%-32s %s%n", label, value));
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
