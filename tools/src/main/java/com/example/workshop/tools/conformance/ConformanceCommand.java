package com.example.workshop.tools.conformance;

import com.example.workshop.tools.Options;
import com.example.workshop.tools.UsageError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * {@code conformance DIR [--skip-list FILE] [--only GLOB] [--types-only]}: replays the AWS-recorded
 * vectors of DIR (format: DIR/README.md) and compares status, error, cause, output and the history:
 * event types, ids, previousEventIds and details (only the types with {@code --types-only}). Prints
 * one line per failing case (and per file it cannot replay) and {@code N passed, M failed, K
 * skipped}; exit 1 when a case fails.
 */
public final class ConformanceCommand {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ConformanceCommand() {}

  public static int run(String[] args, PrintStream out) {
    Options o = Options.parse(args, Set.of("--skip-list", "--only"),
        Set.of("--help", "--types-only"));
    if (o.has("--help")) {
      out.println("usage: conformance DIR [--skip-list FILE] [--only GLOB] [--types-only]");
      return 0;
    }
    if (o.positionals().size() != 1) {
      throw new UsageError("conformance takes one folder of vectors, e.g."
          + " conformance ../shared/conformance");
    }
    Path dir = Path.of(o.positionals().get(0));
    if (!Files.isDirectory(dir)) {
      throw new UsageError("conformance folder not found: " + dir);
    }
    SkipList skips = o.has("--skip-list") ? SkipList.read(Path.of(o.get("--skip-list")))
        : SkipList.none();
    PathMatcher only = null;
    if (o.has("--only")) {
      try {
        only = FileSystems.getDefault().getPathMatcher("glob:" + o.get("--only"));
      } catch (PatternSyntaxException e) {
        throw new UsageError("--only " + o.get("--only") + " is not a glob: " + e.getDescription()
            + " (examples: 'lambda/*', '*/retry_*.json')");
      }
    }
    Harness harness = new Harness(!o.has("--types-only"));
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (Path file : files(dir)) {
      String rel = dir.relativize(file).toString().replace('\\', '/');
      if (only != null && !only.matches(Path.of(rel))) {
        continue;
      }
      VectorFile vectors = new VectorFile(rel, read(file));
      if (skips.skips(rel, rel)) { // a whole file, its reason in the skip list
        skipped += vectors.cases().size();
        continue;
      }
      List<String> missing = harness.missing(vectors);
      if (!missing.isEmpty()) {
        skipped += vectors.cases().size();
        out.println("SKIP " + rel + " (" + vectors.cases().size() + " cases): needs "
            + String.join(", ", missing));
        continue;
      }
      for (JsonNode c : vectors.cases()) {
        String key = rel + "::" + c.path("id").asText();
        if (skips.skips(rel, key)) {
          skipped++;
          continue;
        }
        String problem;
        try {
          problem = harness.checkFor(vectors, c).check(vectors, c);
        } catch (CannotReplay e) {
          skipped++;
          out.println("SKIP " + key + ": " + e.getMessage());
          continue;
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

  private static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().equals("INDEX.json"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UsageError("cannot list " + dir + ": " + e.getMessage());
    }
  }

  private static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(Files.readString(file)
          .replace("<" + ExecutionCheck.MACHINE + ">", ExecutionCheck.MACHINE)
          .replace("<" + ExecutionCheck.EXECUTION + ">", ExecutionCheck.EXECUTION));
    } catch (IOException e) {
      throw new UsageError("cannot read vector file " + file + ": " + e.getMessage());
    }
  }
}
