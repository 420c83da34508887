package com.example.workshop.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The modules the aggregator pom lists, in order. */
final class Modules {
  private Modules() {}

  static List<String> names(Path root) {
    try {
      Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
      List<String> names = new ArrayList<>();
      while (m.find()) {
        names.add(m.group(1).trim());
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
