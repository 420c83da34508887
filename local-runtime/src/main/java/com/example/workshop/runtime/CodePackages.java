package com.example.workshop.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A function's code as Lambda's Java runtime loads it from a deployment package: the classes at its
 * root, then every jar in its {@code lib/}. A .zip CodeUri is unpacked into a temporary folder
 * that is deleted when the JVM ends.
 */
final class CodePackages {
  private final Path templateDir;
  private final Map<String, List<Path>> unpacked = new HashMap<>();

  CodePackages(Path template) {
    this.templateDir = template.toAbsolutePath().getParent();
  }

  /** The classpath of a function whose CodeUri is {@code codeUri} (relative to the template). */
  List<Path> classpath(String functionId, String codeUri, String templateName) {
    if (codeUri == null) {
      throw new UsageException(templateName + ": function " + functionId + " has no local CodeUri (a .zip or a"
          + " folder); give its classes with --classpath");
    }
    return unpacked.computeIfAbsent(codeUri, uri -> {
      Path code = templateDir.resolve(uri).normalize();
      if (Files.isDirectory(code)) {
        return withLib(code);
      }
      if (!Files.isRegularFile(code)) {
        throw new UsageException(templateName + ": function " + functionId + "'s CodeUri " + uri
            + " is not there yet (" + code + "): build the project first (./mvnw package), or give the classes"
            + " with --classpath");
      }
      return withLib(unzip(code));
    });
  }

  private static List<Path> withLib(Path root) {
    List<Path> paths = new ArrayList<>();
    paths.add(root);
    Path lib = root.resolve("lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> jars = Files.list(lib)) {
        jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(paths::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return paths;
  }

  private static Path unzip(Path zip) {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Path dir = Files.createTempDirectory("local-runtime-code-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      for (ZipEntry entry : java.util.Collections.list(file.entries())) {
        Path target = dir.resolve(entry.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new UsageException(zip + " holds an entry outside its root: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = file.getInputStream(entry)) {
            Files.copy(in, target);
          }
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UsageException("cannot read the deployment package " + zip + ": " + e.getMessage()
          + " (rebuild it: ./mvnw package)");
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
