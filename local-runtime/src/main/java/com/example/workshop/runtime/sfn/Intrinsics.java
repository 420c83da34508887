package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The JSONPath-mode intrinsic functions ({@code States.Format(...)} and friends): a parser for the
 * call syntax and the 18 functions with the argument rules AWS applies.
 */
final class Intrinsics {
  static final int MAX_NESTING = 10;
  static final int MAX_STRING_LENGTH = 10_000;
  static final int MAX_RANGE_ITEMS = 1000;
  private static final String FAILURE = "States.IntrinsicFailure";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern SHAPE =
      Pattern.compile("\\s*States\\.\\w+\\s*\\(.*\\)\\s*", Pattern.DOTALL);
  private static final Map<String, Call> PARSED = new ConcurrentHashMap<>();

  private Intrinsics() {}

  /** Function name (without {@code States.}) -> allowed argument counts {min, max}. */
  private static final Map<String, int[]> ARITY =
      Map.ofEntries(
          Map.entry("Format", new int[] {1, Integer.MAX_VALUE}),
          Map.entry("StringToJson", new int[] {1, 1}),
          Map.entry("JsonToString", new int[] {1, 1}),
          Map.entry("Array", new int[] {0, Integer.MAX_VALUE}),
          Map.entry("ArrayPartition", new int[] {2, 2}),
          Map.entry("ArrayContains", new int[] {2, 2}),
          Map.entry("ArrayRange", new int[] {3, 3}),
          Map.entry("ArrayGetItem", new int[] {2, 2}),
          Map.entry("ArrayLength", new int[] {1, 1}),
          Map.entry("ArrayUnique", new int[] {1, 1}),
          Map.entry("Base64Encode", new int[] {1, 1}),
          Map.entry("Base64Decode", new int[] {1, 1}),
          Map.entry("Hash", new int[] {2, 2}),
          Map.entry("JsonMerge", new int[] {3, 3}),
          Map.entry("MathRandom", new int[] {2, 3}),
          Map.entry("MathAdd", new int[] {2, 2}),
          Map.entry("StringSplit", new int[] {2, 2}),
          Map.entry("UUID", new int[] {0, 0}));

  private static final Set<String> HASH_ALGORITHMS =
      Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  // ---------------------------------------------------------------- syntax tree

  private sealed interface Arg permits Literal, Text, PathRef, Call {}

  /** number, boolean or null literal. */
  private record Literal(JsonNode value) implements Arg {}

  /** 'string' literal: decoded value and the source between the quotes (Format templates). */
  private record Text(String value, String source) implements Arg {}

  private record PathRef(String path) implements Arg {}

  private record Call(String name, List<Arg> args) implements Arg {}

  // ---------------------------------------------------------------- public (package) API

  /** True when the text has the shape of an intrinsic call, {@code States.Name(...)}. */
  static boolean isIntrinsic(String text) {
    return text != null && SHAPE.matcher(text).matches();
  }

  /**
   * Validates an intrinsic call: syntax, known function names, argument counts, nesting depth,
   * escapes and embedded paths.
   *
   * @throws IllegalArgumentException naming the problem and its position
   */
  static void checkSyntax(String expression) {
    parse(expression);
  }

  static JsonNode evaluate(String expression, JsonNode input, JsonNode context) {
    return evaluate(expression, input, context, Map.of(), RandomGenerator.getDefault());
  }

  /**
   * Evaluates an intrinsic call. Paths read {@code input}, the Context object ({@code $$}) or a
   * workflow variable ({@code $name}); {@code random} drives unseeded MathRandom and UUID.
   *
   * @throws StatesError States.IntrinsicFailure when an argument is unusable
   * @throws JsonPaths.PathNotFound when a definite path argument selects nothing
   * @throws IllegalArgumentException when the expression is not a valid intrinsic call
   */
  static JsonNode evaluate(
      String expression,
      JsonNode input,
      JsonNode context,
      Map<String, JsonNode> variables,
      RandomGenerator random) {
    Call call = parse(expression);
    return new Evaluation(input, context, variables, random).call(call);
  }

  private static Call parse(String expression) {
    if (expression == null) {
      throw new IllegalArgumentException("Invalid intrinsic function call: the value is null");
    }
    Call cached = PARSED.get(expression);
    if (cached != null) {
      return cached;
    }
    Call call = new Parser(expression).parseExpression();
    if (PARSED.size() < 4096) {
      PARSED.put(expression, call);
    }
    return call;
  }

  // ---------------------------------------------------------------- parser

  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    Call parseExpression() {
      skipSpace();
      Call call = parseCall(1);
      skipSpace();
      if (pos != text.length()) {
        throw error("unexpected '" + text.charAt(pos) + "' after the closing ')'");
      }
      return call;
    }

    private Call parseCall(int depth) {
      int start = pos;
      if (!text.startsWith("States.", pos)) {
        throw error("expected a function name like States.Format");
      }
      pos += "States.".length();
      while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
        pos++;
      }
      String name = text.substring(start + "States.".length(), pos);
      int[] arity = ARITY.get(name);
      if (arity == null) {
        pos = start;
        throw error(
            "unknown function 'States."
                + name
                + "' (known: States."
                + String.join(", States.", new java.util.TreeSet<>(ARITY.keySet()))
                + ")");
      }
      if (depth > MAX_NESTING) {
        pos = start;
        throw error("intrinsic functions can be nested at most " + MAX_NESTING + " deep");
      }
      skipSpace();
      expect('(');
      List<Arg> args = new ArrayList<>();
      skipSpace();
      if (peek() == ')') {
        pos++;
      } else {
        while (true) {
          skipSpace();
          args.add(parseArg(depth));
          skipSpace();
          char c = peek();
          if (c == ',') {
            pos++;
          } else if (c == ')') {
            pos++;
            break;
          } else {
            throw error(c == 0 ? "missing ')'" : "expected ',' or ')' but found '" + c + "'");
          }
        }
      }
      if (args.size() < arity[0] || args.size() > arity[1]) {
        pos = start;
        String expected =
            arity[0] == arity[1]
                ? String.valueOf(arity[0])
                : arity[1] == Integer.MAX_VALUE
                    ? "at least " + arity[0]
                    : arity[0] + " to " + arity[1];
        throw error(
            "States." + name + " takes " + expected + " argument(s) but got " + args.size());
      }
      return new Call(name, List.copyOf(args));
    }

    private Arg parseArg(int depth) {
      char c = peek();
      if (c == '\'') {
        return parseText();
      }
      if (c == '$') {
        return parsePath();
      }
      if (c == '-' || Character.isDigit(c)) {
        return parseNumber();
      }
      if (text.startsWith("States.", pos)) {
        return parseCall(depth + 1);
      }
      for (String word : new String[] {"null", "true", "false"}) {
        if (text.startsWith(word, pos) && !isWordChar(pos + word.length())) {
          pos += word.length();
          return new Literal(
              switch (word) {
                case "null" -> NullNode.getInstance();
                case "true" -> BooleanNode.TRUE;
                default -> BooleanNode.FALSE;
              });
        }
      }
      throw error(
          c == 0
              ? "missing argument or ')'"
              : "an argument must be a 'string', a number, true, false, null, a path ($...) or "
                  + "an intrinsic function; found '"
                  + c
                  + "'");
    }

    private Text parseText() {
      int open = pos++;
      StringBuilder value = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '\'') {
          String source = text.substring(open + 1, pos);
          pos++;
          return new Text(value.toString(), source);
        }
        if (c == '\\') {
          char next = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
          if (next != '\'' && next != '{' && next != '}' && next != '\\') {
            throw error(
                "illegal escape '\\"
                    + (next == 0 ? "" : String.valueOf(next))
                    + "' in a string literal (only \\', \\{, \\} and \\\\ are allowed)");
          }
          value.append(next);
          pos += 2;
        } else {
          value.append(c);
          pos++;
        }
      }
      pos = open;
      throw error("unterminated string literal");
    }

    private PathRef parsePath() {
      int start = pos;
      int brackets = 0;
      int parens = 0;
      char quote = 0;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (quote != 0) {
          if (c == '\\') {
            pos++;
          } else if (c == quote) {
            quote = 0;
          }
        } else if (brackets > 0 && (c == '\'' || c == '"')) {
          quote = c;
        } else if (c == '[') {
          brackets++;
        } else if (c == ']') {
          brackets--;
        } else if (c == '(' && brackets > 0) {
          parens++;
        } else if (c == ')' && parens > 0) {
          parens--;
        } else if (brackets == 0 && (c == ',' || c == ')')) {
          break;
        }
        pos++;
      }
      String path = text.substring(start, Math.min(pos, text.length())).strip();
      try {
        JsonPaths.checkSyntax(path);
      } catch (IllegalArgumentException e) {
        pos = start;
        throw error(e.getMessage());
      }
      return new PathRef(path);
    }

    private Literal parseNumber() {
      int start = pos;
      if (peek() == '-') {
        pos++;
      }
      while (pos < text.length()
          && (Character.isDigit(text.charAt(pos)) || "+-.eE".indexOf(text.charAt(pos)) >= 0)) {
        pos++;
      }
      String number = text.substring(start, pos);
      try {
        JsonNode node = MAPPER.readTree(number);
        if (node != null && node.isNumber()) {
          return new Literal(node);
        }
      } catch (JsonProcessingException e) {
        // reported below
      }
      pos = start;
      throw error("'" + number + "' is not a number");
    }

    private boolean isWordChar(int at) {
      return at < text.length() && Character.isLetterOrDigit(text.charAt(at));
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          "Invalid intrinsic function call '"
              + text
              + "': "
              + what
              + " (at character "
              + (pos + 1)
              + ")");
    }
  }

  // ---------------------------------------------------------------- evaluation

  private record Evaluation(
      JsonNode input, JsonNode context, Map<String, JsonNode> variables, RandomGenerator random) {

    JsonNode value(Arg arg) {
      if (arg instanceof Literal literal) {
        return literal.value();
      }
      if (arg instanceof Text text) {
        return TextNode.valueOf(text.value());
      }
      if (arg instanceof PathRef ref) {
        return JsonPaths.resolve(ref.path(), input, context, variables);
      }
      return call((Call) arg);
    }

    JsonNode call(Call call) {
      List<JsonNode> a = new ArrayList<>(call.args().size());
      if (!call.name().equals("Format")) {
        for (Arg arg : call.args()) {
          a.add(value(arg));
        }
      }
      Fn fn = new Fn("States." + call.name(), a);
      return switch (call.name()) {
        case "Format" -> format(call);
        case "StringToJson" -> stringToJson(fn.string(0, "string"));
        case "JsonToString" -> TextNode.valueOf(a.get(0).toString());
        case "Array" -> NODES.arrayNode().addAll(a);
        case "ArrayPartition" -> partition(fn.array(0, "array"), fn.positiveInt(1, "chunk size"));
        case "ArrayContains" -> BooleanNode.valueOf(contains(fn.array(0, "array"), a.get(1)));
        case "ArrayRange" -> range(fn);
        case "ArrayGetItem" -> getItem(fn);
        case "ArrayLength" -> NODES.numberNode(fn.array(0, "array").size());
        case "ArrayUnique" -> unique(fn.array(0, "array"));
        case "Base64Encode" -> base64Encode(fn);
        case "Base64Decode" -> base64Decode(fn);
        case "Hash" -> hash(fn);
        case "JsonMerge" -> merge(fn);
        case "MathRandom" -> mathRandom(fn);
        case "MathAdd" -> number(fn.int32(0) + fn.int32(1));
        case "StringSplit" -> split(fn.string(0, "string"), fn.string(1, "delimiter"));
        case "UUID" ->
            TextNode.valueOf(
                new UUID(
                        (random.nextLong() & ~0xF000L) | 0x4000L,
                        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                    .toString());
        default -> throw new IllegalStateException("unhandled function " + call.name());
      };
    }

    private JsonNode format(Call call) {
      Arg template = call.args().get(0);
      String source;
      if (template instanceof Text text) {
        source = text.source();
      } else {
        JsonNode value = value(template);
        if (!value.isTextual()) {
          throw failure(
              "States.Format expects its 1st argument (the template) to be a string, but got "
                  + value);
        }
        source = value.asText();
      }
      List<String> values = new ArrayList<>();
      for (int i = 1; i < call.args().size(); i++) {
        values.add(javaToString(value(call.args().get(i))));
      }
      StringBuilder out = new StringBuilder();
      int used = 0;
      for (int i = 0; i < source.length(); i++) {
        char c = source.charAt(i);
        if (c == '\\' && i + 1 < source.length()) {
          out.append(source.charAt(++i));
        } else if (c == '{' && i + 1 < source.length() && source.charAt(i + 1) == '}') {
          if (used >= values.size()) {
            throw failure(
                "States.Format template '"
                    + source
                    + "' has more {} placeholders than the "
                    + values.size()
                    + " argument(s) given");
          }
          out.append(values.get(used++));
          i++;
        } else {
          out.append(c);
        }
      }
      if (used != values.size()) {
        throw failure(
            "States.Format template '"
                + source
                + "' has "
                + used
                + " {} placeholder(s) but "
                + values.size()
                + " argument(s) were given");
      }
      return TextNode.valueOf(out.toString());
    }

    private JsonNode range(Fn fn) {
      long start = fn.rounded(0, "start");
      long end = fn.rounded(1, "end");
      long step = fn.rounded(2, "step");
      if (step == 0) {
        throw failure("States.ArrayRange step must not be 0");
      }
      long count = (end - start) / step + 1;
      if ((end - start) != 0 && Long.signum(end - start) != Long.signum(step)) {
        count = 0;
      }
      if (count > MAX_RANGE_ITEMS) {
        throw failure(
            "States.ArrayRange would create " + count + " items; the limit is " + MAX_RANGE_ITEMS);
      }
      ArrayNode out = NODES.arrayNode();
      for (long i = 0; i < count; i++) {
        out.add(number(start + i * step));
      }
      return out;
    }

    private JsonNode getItem(Fn fn) {
      ArrayNode array = fn.array(0, "array");
      long index = fn.integer(1, "index");
      if (index < 0 || index >= array.size()) {
        throw failure(
            "States.ArrayGetItem index "
                + index
                + " is out of bounds for an array of "
                + array.size()
                + " item(s)");
      }
      return array.get((int) index);
    }

    private JsonNode base64Encode(Fn fn) {
      String s = fn.limited(0, "string");
      return TextNode.valueOf(
          Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode base64Decode(Fn fn) {
      String s = fn.limited(0, "base64 string");
      try {
        return TextNode.valueOf(new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw failure("States.Base64Decode cannot decode '" + s + "': " + e.getMessage());
      }
    }

    private JsonNode hash(Fn fn) {
      String data = fn.limited(0, "data");
      String algorithm = fn.string(1, "algorithm");
      if (!HASH_ALGORITHMS.contains(algorithm)) {
        throw failure(
            "States.Hash does not support the algorithm '"
                + algorithm
                + "' (use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512)");
      }
      try {
        byte[] digest =
            MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
        return TextNode.valueOf(HexFormat.of().formatHex(digest));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    private JsonNode merge(Fn fn) {
      ObjectNode left = fn.object(0, "1st JSON object");
      ObjectNode right = fn.object(1, "2nd JSON object");
      JsonNode deep = fn.args.get(2);
      if (!deep.isBoolean()) {
        throw failure(
            "States.JsonMerge expects its 3rd argument (deep merge) to be a boolean, but got "
                + deep);
      }
      if (deep.booleanValue()) {
        throw failure(
            "States.JsonMerge supports only shallow merging: its 3rd argument must be false");
      }
      ObjectNode out = NODES.objectNode();
      out.setAll(left);
      out.setAll(right);
      return out;
    }

    private JsonNode mathRandom(Fn fn) {
      long start = fn.rounded(0, "start");
      long end = fn.rounded(1, "end");
      if (end <= start) {
        throw failure(
            "States.MathRandom needs start < end, but got start " + start + " and end " + end);
      }
      RandomGenerator source = random;
      if (fn.args.size() == 3) {
        source = new java.util.Random(fn.rounded(2, "seed"));
      }
      return number(source.nextLong(start, end));
    }
  }

  /** The evaluated arguments of one call, with typed accessors that fail like AWS. */
  private record Fn(String name, List<JsonNode> args) {
    JsonNode arg(int i) {
      return args.get(i);
    }

    String string(int i, String what) {
      JsonNode v = arg(i);
      if (!v.isTextual()) {
        throw mismatch(i, what, "a string", v);
      }
      return v.textValue();
    }

    String limited(int i, String what) {
      String s = string(i, what);
      if (s.length() > MAX_STRING_LENGTH) {
        throw failure(
            name
                + " accepts at most "
                + MAX_STRING_LENGTH
                + " characters, but its "
                + ordinal(i)
                + " argument has "
                + s.length());
      }
      return s;
    }

    ArrayNode array(int i, String what) {
      JsonNode v = arg(i);
      if (!v.isArray()) {
        throw mismatch(i, what, "an array", v);
      }
      return (ArrayNode) v;
    }

    ObjectNode object(int i, String what) {
      JsonNode v = arg(i);
      if (!v.isObject()) {
        throw mismatch(i, what, "a JSON object", v);
      }
      return (ObjectNode) v;
    }

    long integer(int i, String what) {
      JsonNode v = arg(i);
      if (v.isIntegralNumber() && v.canConvertToLong()) {
        return v.longValue();
      }
      if (v.isNumber()) {
        BigDecimal d = v.decimalValue();
        if (d.stripTrailingZeros().scale() <= 0) {
          return d.longValueExact();
        }
      }
      throw mismatch(i, what, "an integer", v);
    }

    /** A MathAdd operand: rounded with Math.round, then within the 32-bit range AWS allows. */
    long int32(int i) {
      long n = rounded(i, "value");
      if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
        throw failure(
            name
                + " accepts values from -2147483648 to 2147483647, but its "
                + ordinal(i)
                + " argument is "
                + arg(i));
      }
      return n;
    }

    /** AWS rounds non-integer numbers to the nearest integer (Math.round) for these arguments. */
    long rounded(int i, String what) {
      JsonNode v = arg(i);
      if (!v.isNumber()) {
        throw mismatch(i, what, "a number", v);
      }
      if (v.isIntegralNumber()) {
        if (!v.canConvertToLong()) {
          throw mismatch(i, what, "an integer within 64 bits", v);
        }
        return v.longValue();
      }
      return Math.round(v.doubleValue());
    }

    int positiveInt(int i, String what) {
      long n = rounded(i, what);
      if (n <= 0 || n > Integer.MAX_VALUE) {
        throw mismatch(i, what, "a positive integer", arg(i));
      }
      return (int) n;
    }

    private StatesError mismatch(int i, String what, String expected, JsonNode got) {
      return failure(
          name
              + " expects its "
              + ordinal(i)
              + " argument ("
              + what
              + ") to be "
              + expected
              + ", but got "
              + got);
    }
  }

  // ---------------------------------------------------------------- function bodies

  private static JsonNode stringToJson(String s) {
    if (s.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      JsonNode node = MAPPER.readTree(s);
      return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
    } catch (JsonProcessingException e) {
      throw failure(
          "States.StringToJson cannot parse '" + s + "' as JSON: " + e.getOriginalMessage());
    }
  }

  private static JsonNode partition(ArrayNode array, int size) {
    ArrayNode out = NODES.arrayNode();
    ArrayNode chunk = null;
    for (JsonNode item : array) {
      if (chunk == null || chunk.size() == size) {
        chunk = out.addArray();
      }
      chunk.add(item);
    }
    return out;
  }

  private static boolean contains(ArrayNode array, JsonNode value) {
    for (JsonNode item : array) {
      if (item.equals(SAME_JAVA_VALUE, value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Equality of the Java values AWS compares: integers equal integers of the same value whatever
   * their width, decimals equal decimals, but 1 never equals 1.0.
   */
  private static final java.util.Comparator<JsonNode> SAME_JAVA_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          if (a.isIntegralNumber() && b.isIntegralNumber()) {
            return a.bigIntegerValue().compareTo(b.bigIntegerValue());
          }
          if (!a.isIntegralNumber() && !b.isIntegralNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
          }
          return 1;
        }
        return a.equals(b) ? 0 : 1;
      };

  private static JsonNode unique(ArrayNode array) {
    Set<JsonNode> seen = new LinkedHashSet<>();
    array.forEach(seen::add);
    return NODES.arrayNode().addAll(seen);
  }

  /** java.util.StringTokenizer: the 2nd argument is a set of delimiter characters. */
  private static JsonNode split(String s, String delimiters) {
    ArrayNode out = NODES.arrayNode();
    StringTokenizer tokens = new StringTokenizer(s, delimiters);
    while (tokens.hasMoreTokens()) {
      out.add(tokens.nextToken());
    }
    return out;
  }

  private static JsonNode number(long n) {
    return n == (int) n ? NODES.numberNode((int) n) : NODES.numberNode(n);
  }

  /** How AWS's Java engine prints a value into a Format template: Map/List toString for JSON. */
  static String javaToString(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "null";
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isFloatingPointNumber() && !node.isBigDecimal()) {
      return Double.toString(node.doubleValue());
    }
    if (node.isObject()) {
      StringBuilder sb = new StringBuilder("{");
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        sb.append(e.getKey()).append('=').append(javaToString(e.getValue()));
        if (fields.hasNext()) {
          sb.append(", ");
        }
      }
      return sb.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(javaToString(node.get(i)));
      }
      return sb.append(']').toString();
    }
    return node.asText();
  }

  private static String ordinal(int i) {
    return switch (i) {
      case 0 -> "1st";
      case 1 -> "2nd";
      case 2 -> "3rd";
      default -> (i + 1) + "th";
    };
  }

  private static StatesError failure(String message) {
    return new StatesError(FAILURE, message);
  }
}
