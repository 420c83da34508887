package com.example.workshop.tools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options: {@code --name value} options, {@code --flag} flags and positionals. */
public final class Options {
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();
  private final List<String> positionals = new ArrayList<>();

  private Options() {}

  public static Options parse(String[] args, Set<String> withValue, Set<String> flagNames) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (withValue.contains(a)) {
        if (i + 1 == args.length) {
          throw new UsageError(a + " needs a value");
        }
        o.values.put(a, args[++i]);
      } else if (flagNames.contains(a)) {
        o.flags.add(a);
      } else if (a.startsWith("--")) {
        throw new UsageError("unknown option " + a);
      } else {
        o.positionals.add(a);
      }
    }
    return o;
  }

  public String get(String name) {
    return values.get(name);
  }

  public boolean has(String name) {
    return values.containsKey(name) || flags.contains(name);
  }

  public List<String> positionals() {
    return positionals;
  }
}
