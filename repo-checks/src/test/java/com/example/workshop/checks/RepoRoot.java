package com.example.workshop.checks;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root folder, as the build passes it (or the parent of the working dir). */
final class RepoRoot {
  private RepoRoot() {}

  static Path get() {
    String configured = System.getProperty("repo.root");
    Path root = configured != null ? Path.of(configured) : Path.of("..");
    root = root.toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("pom.xml"))) {
      throw new IllegalStateException("no pom.xml at repository root " + root);
    }
    return root;
  }
}
