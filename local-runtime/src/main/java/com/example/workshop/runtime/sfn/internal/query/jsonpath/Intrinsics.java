package com.example.workshop.runtime.sfn.internal.query.jsonpath;

import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.IntrinsicParser.Arg;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.IntrinsicParser.Call;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.IntrinsicParser.Literal;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.IntrinsicParser.PathRef;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.IntrinsicParser.Text;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The JSONPath-mode intrinsic functions ({@code States.Format(...)} and friends): calls are parsed
 * once ({@link IntrinsicParser}) and evaluated by the function registry ({@link
 * IntrinsicFunctions}).
 */
public final class Intrinsics {
  private static final Pattern SHAPE =
      Pattern.compile("\\s*States\\.\\w+\\s*\\(.*\\)\\s*", Pattern.DOTALL);
  private static final Map<String, Call> PARSED = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 4096;

  private Intrinsics() {}

  /** True when the text has the shape of an intrinsic call, {@code States.Name(...)}. */
  public static boolean isIntrinsic(String text) {
    return text != null && SHAPE.matcher(text).matches();
  }

  /**
   * Validates an intrinsic call: syntax, known function names, argument counts, nesting depth,
   * escapes and embedded paths.
   *
   * @throws IllegalArgumentException naming the problem and its position
   */
  public static void checkSyntax(String expression) {
    parse(expression);
  }

  /**
   * Evaluates an intrinsic call. Paths read {@code input}, the Context object ({@code $$}) or a
   * workflow variable ({@code $name}); {@code random} drives unseeded MathRandom and UUID.
   *
   * @throws StatesError States.IntrinsicFailure when an argument is unusable
   * @throws JsonPaths.PathNotFound when a definite path argument selects nothing
   * @throws IllegalArgumentException when the expression is not a valid intrinsic call
   */
  public static JsonNode evaluate(String expression, JsonNode input, JsonNode context,
      Map<String, JsonNode> variables, RandomGenerator random) {
    return new Evaluation(input, context, variables, random).call(parse(expression));
  }

  private static Call parse(String expression) {
    if (expression == null) {
      throw new IllegalArgumentException("Invalid intrinsic function call: the value is null");
    }
    Call cached = PARSED.get(expression);
    if (cached != null) {
      return cached;
    }
    Call call = IntrinsicParser.parse(expression);
    if (PARSED.size() < MAX_CACHED) {
      PARSED.put(expression, call);
    }
    return call;
  }

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
      List<JsonNode> values = new ArrayList<>(call.args().size());
      boolean format = call.name().equals("Format");
      for (Arg arg : call.args()) {
        // Format reads its template literal as written: it applies the escapes itself
        values.add(format && values.isEmpty() && arg instanceof Text t
            ? TextNode.valueOf(t.source()) : value(arg));
      }
      IntrinsicFunctions.Function fn = IntrinsicFunctions.get(call.name());
      return fn.body().apply(
          new IntrinsicArguments("States." + call.name(), values, random));
    }
  }
}
