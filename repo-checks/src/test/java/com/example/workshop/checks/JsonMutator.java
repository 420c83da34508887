package com.example.workshop.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded random edits of a JSON text, the way a hostile or careless user edits a file: values
 * swapped for odd ones, keys renamed or dropped, characters lost, content added after the end.
 * The result may be invalid JSON on purpose. The same seed gives the same edits.
 */
final class JsonMutator {
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.\"])-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");
  private static final Pattern SCALAR = Pattern.compile(STRING.pattern() + "|" + NUMBER.pattern() + "|true|false|null");
  private static final Pattern KEY = Pattern.compile(STRING.pattern() + "(?=\\s*:)");
  private static final Pattern MEMBER = Pattern.compile(
      STRING.pattern() + "\\s*:\\s*(?:" + SCALAR.pattern() + ")\\s*,");

  private static final List<String> STRINGS = List.of("\"\"", "\" \"", "\"" + "x".repeat(300) + "\"",
      "\"${Undefined}\"", "\"$.missing\"", "\"$$.Execution.Id\"", "\"States.Format('{}')\"", "\"States.Array(\"",
      "\"arn:aws:lambda:us-east-1:123456789012:function:Nope\"", "\"\\u2028\"", "\"../../../etc/passwd\"",
      "\"%\"", "\"incoming/%zz.json\"", "\"NaN\"", "\"\\ud800\"", "\"2026-13-45T99:99:99Z\"", "\"a\\nb\"",
      "\"주문\"", "\"Pass\"", "\"Task\"", "\"Map\"", "\"States.ALL\"", "\"DISTRIBUTED\"", "\"JSONata\"",
      "\"{% $states.input %}\"", "\"*\"");
  private static final List<String> NUMBERS = List.of("0", "-1", "-0", "1e400", "1e-400",
      "3.14159265358979323846264338327950288", "99999999999", "2147483648", "1E+2", "0.1",
      "12345678901234567.89", "-9223372036854775809", "100000000");
  private static final List<String> VALUES = List.of("null", "true", "[]", "{}", "[null]", "{\"a\":{}}", "\"\"",
      "[1,\"2\",{}]", "-1");
  private static final String GARBAGE = ",:{}[]\"\\ x0\u00e9\t";

  private final Random random;

  JsonMutator(long seed) {
    this.random = new Random(seed);
  }

  /** One to three edits. */
  String mutate(String json) {
    String s = json;
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      s = once(s);
    }
    return s;
  }

  /** Three edits in four keep the text JSON, so that most cases get past the parser. */
  private String once(String s) {
    return switch (random.nextInt(16)) {
      case 0, 1, 2 -> replaceOne(s, STRING, pick(STRINGS));
      case 3, 4 -> replaceOne(s, NUMBER, pick(NUMBERS));
      case 5, 6 -> replaceOne(s, SCALAR, pick(VALUES));
      case 7, 8 -> replaceOne(s, MEMBER, "");
      case 9, 10 -> replaceOne(s, KEY, renamed(s));
      case 11 -> replaceOne(s, SCALAR, nested(50 + random.nextInt(400)));
      case 12 -> s.isEmpty() ? s : cut(s, random.nextInt(s.length()), 1);
      case 13 -> insert(s, random.nextInt(s.length() + 1), String.valueOf(GARBAGE.charAt(random.nextInt(GARBAGE.length()))));
      case 14 -> random.nextBoolean() ? s.substring(0, random.nextInt(s.length() + 1))
          : s + pick(List.of(" x", "{}", " 1", "\u0000", "\n{\"a\":1}"));
      default -> random.nextBoolean() ? "[" + s + "]" : "{\"order\":" + s + "}";
    };
  }

  private String renamed(String s) {
    return pick(List.of("\"type\"", "\"Next\"", "\"End\"", "\"Resource\"", "\"States\"", "\"StartAt\"",
        "\"ResultPath\"", "\"orderId\"", "\"Records\"", "\"\"", "\"X\""));
  }

  private String nested(int depth) {
    boolean arrays = random.nextBoolean();
    return (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
  }

  private String replaceOne(String s, Pattern pattern, String replacement) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = pattern.matcher(s);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty()) {
      return s;
    }
    int[] span = spans.get(random.nextInt(spans.size()));
    return s.substring(0, span[0]) + replacement + s.substring(span[1]);
  }

  private static String cut(String s, int at, int length) {
    return s.substring(0, at) + s.substring(Math.min(s.length(), at + length));
  }

  private static String insert(String s, int at, String text) {
    return s.substring(0, at) + text + s.substring(at);
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }
}
