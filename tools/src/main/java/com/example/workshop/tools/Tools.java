package com.example.workshop.tools;

import com.example.workshop.tools.bench.BenchCommand;
import com.example.workshop.tools.conformance.ConformanceCommand;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code java -jar tools/target/local-runtime-tools.jar conformance|bench ...}: the repository's
 * own checks on local-runtime. Exit codes: 0 done, 1 a case failed, 2 bad arguments.
 */
public final class Tools {
  static final String USAGE = """
      usage: java -jar tools/target/local-runtime-tools.jar <command> [options]

        conformance DIR [--skip-list FILE] [--only GLOB] [--types-only]
                    AWS-recorded vectors (../shared/conformance): one line per failing case
        bench DIR   the workloads of ../shared/bench and parallel_ms, each in a JVM of its own:
                    one JSON line, best of 3 rounds after a warm-up""";

  private Tools() {}

  public static void main(String[] args) {
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, new PrintStream(System.err, true, StandardCharsets.UTF_8)));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help")) {
      (args.length == 0 ? err : out).println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      return switch (args[0]) {
        case "conformance" -> ConformanceCommand.run(rest, out);
        case "bench" -> BenchCommand.run(rest, out);
        default -> throw new UsageError("unknown command '" + args[0] + "' (conformance, bench)");
      };
    } catch (UsageError e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
  }
}
