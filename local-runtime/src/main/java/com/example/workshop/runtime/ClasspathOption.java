package com.example.workshop.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import picocli.CommandLine.Option;

/** {@code --classpath CP}, the same for every command that runs Java handlers. */
final class ClasspathOption {
  @Option(names = "--classpath", paramLabel = "CP",
      description = "where the handlers' classes live: folders and jars separated by '${sys:path.separator}'"
          + " (dir/* adds every jar in dir)")
  String spec;

  boolean given() {
    return spec != null;
  }

  /** The entries, checked; empty when the option is not given. */
  List<Path> paths() {
    return spec == null ? List.of() : parse(spec);
  }

  /** Folders and jars separated by the platform's path separator; {@code dir/*} means its jars. */
  static List<Path> parse(String spec) {
    List<Path> paths = new ArrayList<>();
    for (String entry : spec.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      if (entry.endsWith("/*") || entry.endsWith("\\*")) {
        Path dir = InputText.path(entry.substring(0, entry.length() - 2), "classpath folder");
        if (!Files.isDirectory(dir)) {
          throw new UsageException("classpath folder not found: " + dir);
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
          List<Path> sorted = new ArrayList<>();
          jars.forEach(sorted::add);
          sorted.sort(null); // lexical order, like the Lambda runtime's lib/ folder
          sorted.forEach(jar -> paths.add(checkedJar(jar)));
        } catch (IOException e) {
          throw new UsageException("cannot read classpath folder '" + entry + "': " + e.getMessage());
        }
      } else {
        Path p = InputText.path(entry, "classpath entry");
        if (!Files.exists(p)) {
          throw new UsageException("classpath entry not found: " + entry);
        }
        paths.add(Files.isDirectory(p) ? p : checkedJar(p));
      }
    }
    if (paths.isEmpty()) {
      throw new UsageException("--classpath is empty");
    }
    return paths;
  }

  private static Path checkedJar(Path file) {
    try (JarFile jar = new JarFile(file.toFile())) {
      return file;
    } catch (IOException e) {
      throw new UsageException("classpath entry " + file + " is neither a folder nor a jar file"
          + " (a jar or zip of classes, or a folder such as target/classes)");
    }
  }
}
