package com.example.workshop.tools.bench;

import com.example.workshop.tools.Options;
import com.example.workshop.tools.Tools;
import com.example.workshop.tools.UsageError;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bench DIR}: each of the {@link Workloads} in a JVM of its own, printed as one JSON line
 * like {@code run-peer}: the best of 3 timed rounds after a warm-up. A JVM per workload keeps one
 * workload's JIT profile from slowing the next (as JMH forks do). Each JVM has a fixed heap touched
 * in advance: where the first touch of a memory page is slow (our build machine), runs that
 * allocate into fresh heap are many times slower and would measure the machine, not the engine.
 * {@code bench DIR --workload NAME} measures one workload in the running JVM and prints its figure.
 */
public final class BenchCommand {
  private static final int ROUNDS = 3;
  private static final List<String> JVM_OPTIONS =
      List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch");

  private BenchCommand() {}

  public static int run(String[] args, PrintStream out) {
    Options a = Options.parse(args, Set.of("--workload"), Set.of("--help"));
    if (a.has("--help")) {
      out.println("usage: bench DIR [--workload NAME]   (DIR holds loop.asl.json, map.asl.json,"
          + " order.asl.json; parallel_ms is bundled; NAME one of " + Workloads.NAMES + ")");
      return 0;
    }
    if (a.positionals().size() != 1) {
      throw new UsageError("bench takes one folder, e.g. bench ../shared/bench");
    }
    String dir = a.positionals().get(0);
    Path folder = Workloads.folder(Path.of(dir));
    if (a.has("--workload")) {
      Workloads.Workload w = Workloads.of(a.get("--workload"), folder);
      out.println(String.format(Locale.ROOT, "%.1f", measure(w)));
      return 0;
    }
    StringBuilder line = new StringBuilder("{\"engine\":\"local-runtime\",\"n\":" + Workloads.N
        + ",\"executions\":" + Workloads.EXECUTIONS + ",\"rounds\":" + ROUNDS);
    for (String name : Workloads.NAMES) {
      line.append(",\"").append(name).append("\":").append(fork(name, dir));
    }
    out.println(line.append('}'));
    return 0;
  }

  /** Runs {@code bench DIR --workload NAME} in a new JVM; returns the figure it printed. */
  private static String fork(String workload, String dir) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Tools.class.getName(),
        "bench", dir, "--workload", workload));
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      String figure = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      int exit = p.waitFor();
      if (exit != 0 || !figure.matches("\\d+\\.\\d")) {
        throw new IllegalStateException("workload " + workload + " failed (exit " + exit + ")"
            + (figure.isEmpty() ? "" : ": " + figure));
      }
      return figure;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while measuring " + workload, e);
    }
  }

  /** Warms the workload up, then returns its best time of {@link #ROUNDS} runs in ms. */
  static double measure(Workloads.Workload w) {
    warmUp(w);
    double best = Double.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      Runnable check = w.run();
      double ms = (System.nanoTime() - start) / 1e6;
      check.run();
      best = Math.min(best, ms);
    }
    return best;
  }

  /**
   * Runs the workload until the JIT is done with it: at least 10 runs and 2 seconds, then until
   * nothing was compiled during the last 10 runs and their median is within 20% of the fastest
   * run so far; at most 30 seconds.
   */
  private static void warmUp(Workloads.Workload w) {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
    long start = System.nanoTime();
    long fastest = Long.MAX_VALUE;
    long[] took = new long[10];
    long[] jitBefore = new long[took.length];
    for (int runs = 0; ; runs++) {
      int slot = runs % took.length;
      jitBefore[slot] = jitTimed ? jit.getTotalCompilationTime() : 0;
      long t = System.nanoTime();
      Runnable check = w.run();
      took[slot] = System.nanoTime() - t;
      check.run();
      fastest = Math.min(fastest, took[slot]);
      long elapsed = System.nanoTime() - start;
      if (elapsed > 30_000_000_000L) {
        return;
      }
      if (runs >= took.length - 1 && elapsed > 2_000_000_000L) {
        boolean jitQuiet = !jitTimed
            || jit.getTotalCompilationTime() == jitBefore[(runs + 1) % took.length];
        long[] sorted = took.clone();
        Arrays.sort(sorted);
        if (jitQuiet && sorted[sorted.length / 2] <= fastest * 1.2) {
          return;
        }
      }
    }
  }
}
