package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import static com.example.workshop.runtime.sfn.internal.query.jsonpath.IntrinsicArguments.failure;

import com.example.workshop.runtime.sfn.internal.asl.Ids;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.HashMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * The 18 intrinsic functions by name (without {@code States.}): how many arguments each takes and
 * what it computes, with the argument rules AWS applies.
 */
final class IntrinsicFunctions {
  static final int MAX_RANGE_ITEMS = 1000;
  private static final int ANY = Integer.MAX_VALUE;
  private static final Set<String> HASH_ALGORITHMS =
      Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  /** A function's argument counts and body. */
  record Function(int min, int max, Body body) {}

  interface Body {
    JsonNode apply(IntrinsicArguments a);
  }

  private static final Map<String, Function> FUNCTIONS = new HashMap<>(Map.ofEntries(
      Map.entry("Format", new Function(1, ANY, IntrinsicFunctions::format)),
      Map.entry("StringToJson", new Function(1, 1, a -> stringToJson(a.string(0, "string")))),
      Map.entry("JsonToString", new Function(1, 1, a -> TextNode.valueOf(a.arg(0).toString()))),
      Map.entry("Array", new Function(0, ANY, a -> Json.NODES.arrayNode().addAll(a.args()))),
      Map.entry("ArrayPartition", new Function(2, 2,
          a -> partition(a.array(0, "array"), a.positiveInt(1, "chunk size")))),
      Map.entry("ArrayContains", new Function(2, 2,
          a -> BooleanNode.valueOf(contains(a.array(0, "array"), a.arg(1))))),
      Map.entry("ArrayRange", new Function(3, 3, IntrinsicFunctions::range)),
      Map.entry("ArrayGetItem", new Function(2, 2, IntrinsicFunctions::getItem)),
      Map.entry("ArrayLength", new Function(1, 1,
          a -> Json.NODES.numberNode(a.array(0, "array").size()))),
      Map.entry("ArrayUnique", new Function(1, 1, a -> unique(a.array(0, "array")))),
      Map.entry("Base64Encode", new Function(1, 1, IntrinsicFunctions::base64Encode)),
      Map.entry("Base64Decode", new Function(1, 1, IntrinsicFunctions::base64Decode)),
      Map.entry("Hash", new Function(2, 2, IntrinsicFunctions::hash)),
      Map.entry("JsonMerge", new Function(3, 3, IntrinsicFunctions::merge)),
      Map.entry("MathRandom", new Function(2, 3, IntrinsicFunctions::mathRandom)),
      Map.entry("MathAdd", new Function(2, 2, a -> number(a.int32(0) + a.int32(1)))),
      Map.entry("StringSplit", new Function(2, 2,
          a -> split(a.string(0, "string"), a.string(1, "delimiter")))),
      Map.entry("UUID", new Function(0, 0, a -> TextNode.valueOf(Ids.uuid(a.random()))))));

  private IntrinsicFunctions() {}

  /** The function, or null when there is none by that name. */
  static Function get(String name) {
    return FUNCTIONS.get(name);
  }

  static Iterable<String> names() {
    return new TreeSet<>(FUNCTIONS.keySet());
  }

  /** The first argument is the template's source text (escapes not yet applied). */
  private static JsonNode format(IntrinsicArguments a) {
    JsonNode template = a.arg(0);
    if (!template.isTextual()) {
      throw failure("States.Format expects its 1st argument (the template) to be a string, but got "
          + template);
    }
    String source = template.asText();
    int values = a.size() - 1;
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\' && i + 1 < source.length()) {
        out.append(source.charAt(++i));
      } else if (c == '{' && i + 1 < source.length() && source.charAt(i + 1) == '}') {
        if (used >= values) {
          throw failure("States.Format template '" + source + "' has more {} placeholders than the "
              + values + " argument(s) given");
        }
        out.append(javaToString(a.arg(1 + used++)));
        i++;
      } else {
        out.append(c);
      }
    }
    if (used != values) {
      throw failure("States.Format template '" + source + "' has " + used
          + " {} placeholder(s) but " + values + " argument(s) were given");
    }
    return TextNode.valueOf(out.toString());
  }

  private static JsonNode stringToJson(String s) {
    if (s.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return Json.parse(s);
    } catch (IllegalArgumentException e) {
      throw failure("States.StringToJson cannot parse '" + s + "' as JSON: " + e.getMessage());
    }
  }

  private static JsonNode partition(ArrayNode array, int size) {
    ArrayNode out = Json.NODES.arrayNode();
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
  private static final Comparator<JsonNode> SAME_JAVA_VALUE = (a, b) -> {
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

  private static JsonNode range(IntrinsicArguments a) {
    long start = a.rounded(0, "start");
    long end = a.rounded(1, "end");
    long step = a.rounded(2, "step");
    if (step == 0) {
      throw failure("States.ArrayRange step must not be 0");
    }
    long count = (end - start) / step + 1;
    if ((end - start) != 0 && Long.signum(end - start) != Long.signum(step)) {
      count = 0;
    }
    if (count > MAX_RANGE_ITEMS) {
      throw failure("States.ArrayRange would create " + count + " items; the limit is "
          + MAX_RANGE_ITEMS);
    }
    ArrayNode out = Json.NODES.arrayNode();
    for (long i = 0; i < count; i++) {
      out.add(number(start + i * step));
    }
    return out;
  }

  private static JsonNode getItem(IntrinsicArguments a) {
    ArrayNode array = a.array(0, "array");
    long index = a.integer(1, "index");
    if (index < 0 || index >= array.size()) {
      throw failure("States.ArrayGetItem index " + index + " is out of bounds for an array of "
          + array.size() + " item(s)");
    }
    return array.get((int) index);
  }

  private static JsonNode unique(ArrayNode array) {
    Set<JsonNode> seen = new LinkedHashSet<>();
    array.forEach(seen::add);
    return Json.NODES.arrayNode().addAll(seen);
  }

  private static JsonNode base64Encode(IntrinsicArguments a) {
    String s = a.limited(0, "string");
    return TextNode.valueOf(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonNode base64Decode(IntrinsicArguments a) {
    String s = a.limited(0, "base64 string");
    try {
      return TextNode.valueOf(new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw failure("States.Base64Decode cannot decode '" + s + "': " + e.getMessage());
    }
  }

  private static JsonNode hash(IntrinsicArguments a) {
    String data = a.limited(0, "data");
    String algorithm = a.string(1, "algorithm");
    if (!HASH_ALGORITHMS.contains(algorithm)) {
      throw failure("States.Hash does not support the algorithm '" + algorithm
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

  private static JsonNode merge(IntrinsicArguments a) {
    ObjectNode left = a.object(0, "1st JSON object");
    ObjectNode right = a.object(1, "2nd JSON object");
    JsonNode deep = a.arg(2);
    if (!deep.isBoolean()) {
      throw failure("States.JsonMerge expects its 3rd argument (deep merge) to be a boolean, but got "
          + deep);
    }
    if (deep.booleanValue()) {
      throw failure("States.JsonMerge supports only shallow merging: its 3rd argument must be false");
    }
    ObjectNode out = Json.object();
    out.setAll(left);
    out.setAll(right);
    return out;
  }

  private static JsonNode mathRandom(IntrinsicArguments a) {
    long start = a.rounded(0, "start");
    long end = a.rounded(1, "end");
    if (end <= start) {
      throw failure("States.MathRandom needs start < end, but got start " + start + " and end "
          + end);
    }
    RandomGenerator source = a.size() == 3 ? new java.util.Random(a.rounded(2, "seed"))
        : a.random();
    return number(source.nextLong(start, end));
  }

  /** java.util.StringTokenizer: the 2nd argument is a set of delimiter characters. */
  private static JsonNode split(String s, String delimiters) {
    ArrayNode out = Json.NODES.arrayNode();
    StringTokenizer tokens = new StringTokenizer(s, delimiters);
    while (tokens.hasMoreTokens()) {
      out.add(tokens.nextToken());
    }
    return out;
  }

  private static JsonNode number(long n) {
    return n == (int) n ? Json.NODES.numberNode((int) n) : Json.NODES.numberNode(n);
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
}
