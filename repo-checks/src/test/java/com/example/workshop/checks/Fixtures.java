package com.example.workshop.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The small fake repository under src/test/resources/fixtures/docs-repo, copied where a test may change it. */
final class Fixtures {
  private Fixtures() {}

  static Path docsRepo() {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/docs-repo").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path copyOfDocsRepo(Path target) {
    Path source = docsRepo();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }
}
