package com.example.workshop.tools.bench;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StartOptions;
import com.example.workshop.runtime.sfn.StateMachine;
import com.example.workshop.tools.Options;
import com.example.workshop.tools.UsageError;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench DIR}: the three workloads of DIR (the shared bench folder or its workflows/) and
 * {@code parallel_ms} (this module's bench/parallel.asl.json: a Map over 1,000 items, 10 at a
 * time, each a 1 s Wait and a mocked Task, which must take 100 s of virtual time), best of 3
 * rounds after a warm-up, printed as one JSON line like {@code run-peer}. Run it in a JVM whose
 * heap is fixed and touched in advance (see the note printed otherwise).
 */
public final class BenchCommand {
  private static final int N = 10_000;
  private static final int EXECUTIONS = 1_000;
  private static final int ROUNDS = 3;
  private static final int PARALLEL_ITEMS = 1_000;

  private BenchCommand() {}

  /** One timed run; returns the check to do after the clock stops. */
  private interface Workload {
    Runnable run();
  }

  public static int run(String[] args, PrintStream out) {
    Options a = Options.parse(args, Set.of(), Set.of("--help"));
    if (a.has("--help") || a.positionals().size() != 1) {
      if (a.has("--help")) {
        out.println("usage: bench DIR   (DIR holds loop.asl.json, map.asl.json, order.asl.json;"
            + " parallel_ms is bundled)");
        return 0;
      }
      throw new UsageError("bench takes one folder, e.g. bench ../shared/bench");
    }
    if (!ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+AlwaysPreTouch")) {
      // Without it, runs that first touch a part of the heap pay the machine's page faults (about
      // 15 times slower on our build machine) and the figures measure memory, not the engine.
      System.err.println("note: for steady figures start the JVM as"
          + " java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -jar ... bench (see docs/local-runtime.md)");
    }
    Path dir = Path.of(a.positionals().get(0));
    if (Files.isDirectory(dir.resolve("workflows"))) {
      dir = dir.resolve("workflows");
    }
    for (String f : new String[] {"loop.asl.json", "map.asl.json", "order.asl.json",
        "map.mock.json", "order.mock.json"}) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw new UsageError("bench folder " + dir + " has no " + f);
      }
    }
    Path d = dir;
    StateMachine loop = load(d.resolve("loop.asl.json"));
    StateMachine map = load(d.resolve("map.asl.json"));
    StateMachine order = load(d.resolve("order.asl.json"));
    // AWS would stop loop and map at 25,000 history events; the peer does not, so neither do we here.
    LocalStepFunctions plain = LocalStepFunctions.builder().maxHistoryEvents(Integer.MAX_VALUE)
        .build();
    LocalStepFunctions mapEngine = LocalStepFunctions.builder()
        .maxHistoryEvents(Integer.MAX_VALUE).mockConfig(d.resolve("map.mock.json")).build();
    LocalStepFunctions orderEngine = LocalStepFunctions.builder()
        .mockConfig(d.resolve("order.mock.json")).build();
    StateMachine parallel = StateMachine.parse(resource("parallel.asl.json"), Map.of());
    LocalStepFunctions parallelEngine = LocalStepFunctions.builder()
        .mockConfig(copy("parallel.mock.json")).build();
    StringBuilder orders = new StringBuilder("{\"orders\":[");
    for (int i = 0; i < PARALLEL_ITEMS; i++) {
      orders.append(i == 0 ? "" : ",").append("{\"orderId\":").append(i).append('}');
    }
    String parallelInput = orders.append("]}").toString();
    StringBuilder items = new StringBuilder("{\"items\":[");
    for (int i = 0; i < N; i++) {
      items.append(i == 0 ? "" : ",").append("{\"x\":").append(i).append('}');
    }
    String mapInput = items.append("]}").toString();

    Workload loopRun = () -> {
      Execution ex = plain.start(loop, "{\"n\":" + N + "}");
      return () -> check(ex, "\"i\":" + N);
    };
    Workload mapRun = () -> {
      Execution ex = mapEngine.start(map, mapInput,
          StartOptions.defaults().withStateMachineName("map").withTestCase("Bench"));
      return () -> check(ex, "{\"v\":42}");
    };
    StartOptions orderOptions =
        StartOptions.defaults().withStateMachineName("order").withTestCase("Bench");
    Workload orderRun = () -> {
      Execution[] runs = new Execution[EXECUTIONS];
      for (int e = 0; e < EXECUTIONS; e++) {
        runs[e] = orderEngine.start(order, "{\"orderId\":" + e + ",\"amount\":10}",
            orderOptions);
      }
      return () -> {
        for (Execution ex : runs) {
          check(ex, "\"paid\":true");
        }
      };
    };
    StartOptions parallelOptions =
        StartOptions.defaults().withStateMachineName("parallel").withTestCase("Bench");
    Workload parallelRun = () -> {
      Execution ex = parallelEngine.start(parallel, parallelInput, parallelOptions);
      return () -> {
        check(ex, "{\"packed\":true}");
        long millis = Duration.between(ex.history().get(0).timestamp(),
            ex.history().get(ex.history().size() - 1).timestamp()).toMillis();
        if (millis != 100_000) {
          throw new IllegalStateException("parallel workload took " + millis
              + " ms of virtual time, expected 100000 (1,000 waits of 1 s, 10 at a time)");
        }
      };
    };
    Map<String, Workload> workloads = new java.util.LinkedHashMap<>();
    workloads.put("loop_ms", loopRun);
    workloads.put("map_ms", mapRun);
    workloads.put("order_ms", orderRun);
    workloads.put("parallel_ms", parallelRun);
    // Each workload: warm-up until it runs at a steady speed, then the best of 3 timed runs.
    Map<String, Double> best = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Workload> w : workloads.entrySet()) {
      warmUp(w.getValue());
      for (int round = 0; round < ROUNDS; round++) {
        long start = System.nanoTime();
        Runnable check = w.getValue().run();
        double ms = (System.nanoTime() - start) / 1e6;
        check.run();
        best.merge(w.getKey(), ms, Math::min);
      }
    }
    StringBuilder line = new StringBuilder("{\"engine\":\"local-runtime\",\"n\":" + N
        + ",\"executions\":" + EXECUTIONS + ",\"rounds\":" + ROUNDS);
    best.forEach((k, v) -> line.append(",\"").append(k).append("\":")
        .append(String.format(Locale.ROOT, "%.1f", v)));
    out.println(line.append('}'));
    return 0;
  }

  /**
   * Runs a workload until the JIT has compiled it for this workload (after the previous one, some
   * of the engine's code is compiled again): at least 10 runs and 2 seconds, and the median of the
   * last 10 runs within 20% of the fastest run so far; at most 30 seconds.
   */
  private static void warmUp(Workload w) {
    long start = System.nanoTime();
    long fastest = Long.MAX_VALUE;
    long[] last = new long[10];
    for (int runs = 0; ; runs++) {
      long t = System.nanoTime();
      Runnable check = w.run();
      long took = System.nanoTime() - t;
      check.run();
      fastest = Math.min(fastest, took);
      last[runs % last.length] = took;
      long elapsed = System.nanoTime() - start;
      if (elapsed > 30_000_000_000L) {
        return;
      }
      if (runs >= last.length && elapsed > 2_000_000_000L) {
        long[] sorted = last.clone();
        java.util.Arrays.sort(sorted);
        if (sorted[sorted.length / 2] <= fastest * 1.2) {
          return;
        }
      }
    }
  }

  private static StateMachine load(Path file) {
    try {
      return StateMachine.parse(Files.readString(file), Map.of());
    } catch (java.io.IOException | RuntimeException e) {
      throw new UsageError("cannot load " + file + ": " + e.getMessage());
    }
  }

  private static String resource(String name) {
    try (InputStream in = BenchCommand.class.getResourceAsStream("/bench/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A bundled file as a file (mock configurations are read from a path). */
  private static Path copy(String name) {
    try {
      Path file = Files.createTempFile("bench-", "-" + name);
      file.toFile().deleteOnExit();
      return Files.writeString(file, resource(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void check(Execution ex, String expected) {
    if (ex.status() != ExecutionStatus.SUCCEEDED || !ex.output().contains(expected)) {
      throw new IllegalStateException("bench workload went wrong: " + ex.status() + " "
          + ex.error() + " " + ex.cause() + " "
          + (ex.output() == null ? "" : ex.output().substring(0, Math.min(200,
              ex.output().length()))));
    }
  }
}
