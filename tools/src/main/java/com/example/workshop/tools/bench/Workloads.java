package com.example.workshop.tools.bench;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StartOptions;
import com.example.workshop.runtime.sfn.StateMachine;
import com.example.workshop.tools.UsageError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's workloads: the three of the shared bench folder ({@code loop_ms}, {@code map_ms},
 * {@code order_ms}, with its mock files for the Tasks) and {@code parallel_ms} (this module's
 * bench/parallel.asl.json: a Map over 1,000 items, 10 at a time, each a 1 s Wait and a mocked
 * Task, which must take 100 s of virtual time).
 */
final class Workloads {
  static final List<String> NAMES = List.of("loop_ms", "map_ms", "order_ms", "parallel_ms");
  static final int N = 10_000;
  static final int EXECUTIONS = 1_000;
  private static final int PARALLEL_ITEMS = 1_000;

  /** One timed run; returns the check to do after the clock stops. */
  interface Workload {
    Runnable run();
  }

  private Workloads() {}

  /** The bench folder: DIR or DIR/workflows, checked to hold the workloads' files. */
  static Path folder(Path dir) {
    Path d = Files.isDirectory(dir.resolve("workflows")) ? dir.resolve("workflows") : dir;
    for (String f : new String[] {"loop.asl.json", "map.asl.json", "order.asl.json",
        "map.mock.json", "order.mock.json"}) {
      if (!Files.isRegularFile(d.resolve(f))) {
        throw new UsageError("bench folder " + d + " has no " + f);
      }
    }
    return d;
  }

  static Workload of(String name, Path folder) {
    return switch (name) {
      case "loop_ms" -> loop(folder);
      case "map_ms" -> map(folder);
      case "order_ms" -> order(folder);
      case "parallel_ms" -> parallel();
      default -> throw new UsageError("unknown workload '" + name + "' (" + NAMES + ")");
    };
  }

  private static Workload loop(Path d) {
    StateMachine loop = load(d.resolve("loop.asl.json"));
    // AWS would stop loop and map at 25,000 history events; the peer does not, so neither do we here.
    LocalStepFunctions engine = LocalStepFunctions.builder().maxHistoryEvents(Integer.MAX_VALUE)
        .build();
    return () -> {
      Execution ex = engine.start(loop, "{\"n\":" + N + "}");
      return () -> check(ex, "\"i\":" + N);
    };
  }

  private static Workload map(Path d) {
    StateMachine map = load(d.resolve("map.asl.json"));
    LocalStepFunctions engine = LocalStepFunctions.builder().maxHistoryEvents(Integer.MAX_VALUE)
        .mockConfig(d.resolve("map.mock.json")).build();
    String input = numbered("items", "x", N);
    StartOptions options =
        StartOptions.defaults().withStateMachineName("map").withTestCase("Bench");
    return () -> {
      Execution ex = engine.start(map, input, options);
      return () -> check(ex, "{\"v\":42}");
    };
  }

  private static Workload order(Path d) {
    StateMachine order = load(d.resolve("order.asl.json"));
    LocalStepFunctions engine = LocalStepFunctions.builder()
        .mockConfig(d.resolve("order.mock.json")).build();
    StartOptions options =
        StartOptions.defaults().withStateMachineName("order").withTestCase("Bench");
    return () -> {
      Execution[] runs = new Execution[EXECUTIONS];
      for (int e = 0; e < EXECUTIONS; e++) {
        runs[e] = engine.start(order, "{\"orderId\":" + e + ",\"amount\":10}", options);
      }
      return () -> {
        for (Execution ex : runs) {
          check(ex, "\"paid\":true");
        }
      };
    };
  }

  private static Workload parallel() {
    StateMachine parallel = StateMachine.parse(resource("parallel.asl.json"), Map.of());
    LocalStepFunctions engine = LocalStepFunctions.builder()
        .mockConfig(copy("parallel.mock.json")).build();
    String input = numbered("orders", "orderId", PARALLEL_ITEMS);
    StartOptions options =
        StartOptions.defaults().withStateMachineName("parallel").withTestCase("Bench");
    return () -> {
      Execution ex = engine.start(parallel, input, options);
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
  }

  /** {@code {"key":[{"field":0},{"field":1},...]}} with {@code n} items. */
  private static String numbered(String key, String field, int n) {
    StringBuilder json = new StringBuilder("{\"").append(key).append("\":[");
    for (int i = 0; i < n; i++) {
      json.append(i == 0 ? "" : ",").append("{\"").append(field).append("\":").append(i).append('}');
    }
    return json.append("]}").toString();
  }

  private static StateMachine load(Path file) {
    try {
      return StateMachine.parse(Files.readString(file), Map.of());
    } catch (IOException | RuntimeException e) {
      throw new UsageError("cannot load " + file + ": " + e.getMessage());
    }
  }

  private static String resource(String name) {
    try (InputStream in = Workloads.class.getResourceAsStream("/bench/" + name)) {
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
