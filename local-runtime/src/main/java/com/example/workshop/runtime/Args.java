package com.example.workshop.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tiny GNU-style argument parser shared by the subcommands: {@code --name value}, repeatable
 * options, boolean flags and positionals. Unknown options are rejected by name.
 */
final class Args {
  private final Map<String, List<String>> options = new LinkedHashMap<>();
  private final List<String> positionals = new ArrayList<>();

  private Args() {}

  /**
   * @param valued options that take a value (may repeat)
   * @param flags options without a value
   */
  static Args parse(String[] args, Set<String> valued, Set<String> flags) {
    Args parsed = new Args();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--")) {
        String name = a;
        String value = null;
        int eq = a.indexOf('=');
        if (eq > 0 && valued.contains(a.substring(0, eq))) {
          name = a.substring(0, eq);
          value = a.substring(eq + 1);
        }
        if (flags.contains(name)) {
          parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
        } else if (valued.contains(name)) {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new UsageException("option " + name + " needs a value");
            }
            value = args[++i];
          }
          parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        } else {
          throw new UsageException("unknown option '" + a + "'");
        }
      } else {
        parsed.positionals.add(a);
      }
    }
    return parsed;
  }

  boolean has(String name) {
    return options.containsKey(name);
  }

  /** The option's value; an option given twice is a usage error (use {@link #all} for repeatable ones). */
  String get(String name) {
    List<String> values = options.get(name);
    if (values != null && values.size() > 1) {
      throw new UsageException("option " + name + " is given " + values.size() + " times; give it once");
    }
    return values == null ? null : values.get(0);
  }

  String require(String name) {
    String v = get(name);
    if (v == null) {
      throw new UsageException("missing required option " + name);
    }
    return v;
  }

  List<String> all(String name) {
    return options.getOrDefault(name, List.of());
  }

  List<String> positionals() {
    return positionals;
  }

  int intOption(String name, int defaultValue, int min, int max) {
    String v = get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min || n > max) {
        throw new UsageException(name + " must be between " + min + " and " + max + ", got " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number, got '" + v + "'");
    }
  }

  /** Parses repeated {@code KEY=VALUE} options, in order. */
  Map<String, String> keyValues(String name) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String kv : all(name)) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new UsageException(name + " takes KEY=VALUE, got '" + kv + "'");
      }
      map.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return map;
  }

  /** Reads a file, or standard input for "-", as UTF-8 text; a missing file is a usage error. */
  static String readText(String fileOrDash, String what, InputStream stdin) {
    try {
      if (fileOrDash.equals("-")) {
        return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
      }
      return Files.readString(Path.of(fileOrDash), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageException(what + " file not found: " + fileOrDash);
    } catch (IOException e) {
      throw new UsageException("cannot read " + what + " file " + fileOrDash + ": " + e.getMessage());
    }
  }
}
