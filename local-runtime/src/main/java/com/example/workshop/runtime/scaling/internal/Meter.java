package com.example.workshop.runtime.scaling.internal;

import com.example.workshop.runtime.lambda.Architecture;
import com.example.workshop.runtime.lambda.Report;
import com.example.workshop.runtime.scaling.ScalingReport;
import com.example.workshop.runtime.scaling.ScalingReport.Percentiles;
import com.example.workshop.runtime.scaling.ScalingReport.Second;
import com.example.workshop.runtime.scaling.ThrottleReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts what a replay did, second by second, and bills it as Lambda bills it. */
final class Meter {
  private final int memoryMb;
  private final Architecture architecture;
  private final Map<ThrottleReason, Integer> throttles = new EnumMap<>(ThrottleReason.class);
  private final List<Double> durations = new ArrayList<>();
  private final List<Double> inits = new ArrayList<>();
  private final List<Double> latencies = new ArrayList<>();
  private final TreeMap<Long, long[]> seconds = new TreeMap<>();
  private long billedMs;
  private int peakConcurrency;
  private int peakPollers;
  private int concurrency;
  private int pollers;
  private int waiting;
  private long lastMicros;

  // Columns of a second, in the order of ScalingReport.Second.
  private static final int POLLERS = 0;
  private static final int CONCURRENCY = 1;
  private static final int NEW_ENVIRONMENTS = 2;
  private static final int INVOCATIONS = 3;
  private static final int THROTTLES = 4;
  private static final int WAITING = 5;
  private static final int POLLERS_AT_END = 6;
  private static final int CONCURRENCY_AT_END = 7;

  Meter(int memoryMb, Architecture architecture) {
    this.memoryMb = memoryMb;
    this.architecture = architecture;
  }

  /** One invocation that ran: its Duration, and its Init Duration when it started a new environment. */
  void invoked(long now, double durationMs, Double initMs) {
    durations.add(durationMs);
    if (initMs != null) {
      inits.add(initMs);
      second(now)[NEW_ENVIRONMENTS]++;
    }
    billedMs += Report.billedMs(durationMs, initMs);
    second(now)[INVOCATIONS]++;
  }

  void throttled(long now, ThrottleReason reason) {
    throttles.merge(reason, 1, Integer::sum);
    second(now)[THROTTLES]++;
  }

  /** A message processed, or a request answered, {@code micros} after it was sent. */
  void done(long now, long micros) {
    latencies.add(micros / 1000.0);
    lastMicros = Math.max(lastMicros, now);
  }

  void concurrency(long now, int inFlight) {
    concurrency = inFlight;
    peakConcurrency = Math.max(peakConcurrency, inFlight);
    long[] s = second(now);
    s[CONCURRENCY] = Math.max(s[CONCURRENCY], inFlight);
    s[CONCURRENCY_AT_END] = inFlight;
  }

  void pollers(long now, int level) {
    pollers = level;
    peakPollers = Math.max(peakPollers, level);
    long[] s = second(now);
    s[POLLERS] = Math.max(s[POLLERS], level);
    s[POLLERS_AT_END] = level;
  }

  void waiting(long now, int visible) {
    waiting = visible;
    second(now)[WAITING] = visible;
  }

  /** The bucket of the second {@code now} falls in; a new one starts from the values of the moment. */
  private long[] second(long now) {
    lastMicros = Math.max(lastMicros, now);
    return seconds.computeIfAbsent(now / 1_000_000L, s -> new long[] {pollers, concurrency, 0, 0, 0, waiting, pollers, concurrency});
  }

  ScalingReport report(String source, int events, long seed, int environments, int completed, int rejected,
      int deadLettered, int expired, int redelivered) {
    double gbSeconds = memoryMb / 1024.0 * billedMs / 1000.0;
    double cost = durations.size() * Architecture.PRICE_PER_REQUEST_USD + gbSeconds * architecture.pricePerGbSecondUsd();
    return new ScalingReport(source, events, seed, lastMicros / 1e6, environments, inits.size(), peakConcurrency,
        peakPollers, durations.size(), Map.copyOf(throttles), completed, rejected, deadLettered, expired, redelivered,
        percentiles(durations), percentiles(inits), percentiles(latencies), gbSeconds, cost, memoryMb, architecture,
        timeline());
  }

  private List<Second> timeline() {
    List<Second> rows = new ArrayList<>();
    long[] carried = null;
    for (long s = seconds.isEmpty() ? 0 : seconds.firstKey(); !seconds.isEmpty() && s <= seconds.lastKey(); s++) {
      long[] v = seconds.get(s);
      if (v == null) {
        // A quiet second: nothing changed, so it is as the one before it ended.
        long p = carried[POLLERS_AT_END];
        long c = carried[CONCURRENCY_AT_END];
        v = new long[] {p, c, 0, 0, 0, carried[WAITING], p, c};
      }
      rows.add(new Second(s, (int) v[POLLERS], (int) v[CONCURRENCY], (int) v[NEW_ENVIRONMENTS], (int) v[INVOCATIONS],
          (int) v[THROTTLES], (int) v[WAITING]));
      carried = v;
    }
    return rows;
  }

  /** Nearest-rank percentiles; null when nothing was measured. */
  static Percentiles percentiles(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return new Percentiles(rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), sorted[sorted.length - 1]);
  }

  private static double rank(double[] sorted, int p) {
    int n = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, n - 1)];
  }
}
