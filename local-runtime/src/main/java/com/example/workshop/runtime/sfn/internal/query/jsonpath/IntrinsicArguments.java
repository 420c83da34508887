package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The evaluated arguments of one intrinsic call, with typed accessors that fail the way AWS does
 * (States.IntrinsicFailure naming the function, the argument and what it expected).
 */
record IntrinsicArguments(String name, List<JsonNode> args, RandomGenerator random) {
  static final String FAILURE = "States.IntrinsicFailure";
  static final int MAX_STRING_LENGTH = 10_000;

  int size() {
    return args.size();
  }

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

  static StatesError failure(String message) {
    return new StatesError(FAILURE, message);
  }

  private static String ordinal(int i) {
    return switch (i) {
      case 0 -> "1st";
      case 1 -> "2nd";
      case 2 -> "3rd";
      default -> (i + 1) + "th";
    };
  }
}
