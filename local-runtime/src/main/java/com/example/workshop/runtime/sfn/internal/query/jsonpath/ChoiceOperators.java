package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import java.util.Set;
import java.util.TreeSet;

/** The JSONPath Choice rule operators: comparisons (and their {@code ...Path} forms) and type tests. */
public final class ChoiceOperators {
  /** IsNull, IsPresent, IsNumeric, IsString, IsBoolean, IsTimestamp. */
  public static final Set<String> TYPE_TESTS =
      Set.of("IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp");

  /** StringEquals ... TimestampGreaterThanEqualsPath, BooleanEquals(Path), StringMatches. */
  public static final Set<String> COMPARISONS = comparisons();

  /** Every operator a rule may use besides And, Or and Not. */
  public static final Set<String> ALL = all();

  private ChoiceOperators() {}

  private static Set<String> comparisons() {
    Set<String> names = new TreeSet<>();
    for (String type : new String[] {"String", "Numeric", "Timestamp"}) {
      for (String rel : new String[] {
          "Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"}) {
        names.add(type + rel);
        names.add(type + rel + "Path");
      }
    }
    names.add("BooleanEquals");
    names.add("BooleanEqualsPath");
    names.add("StringMatches");
    return Set.copyOf(names);
  }

  private static Set<String> all() {
    Set<String> names = new TreeSet<>(COMPARISONS);
    names.addAll(TYPE_TESTS);
    return Set.copyOf(names);
  }
}
