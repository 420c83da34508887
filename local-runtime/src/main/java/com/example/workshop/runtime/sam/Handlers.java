package com.example.workshop.runtime.sam;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Resolves each function's Handler the way the Lambda Java runtime does ({@code pkg.Class::method},
 * or {@code pkg.Class} implementing RequestHandler/RequestStreamHandler) against a class loader.
 */
final class Handlers {
  private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";
  private static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
  private static final String STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";

  /** Event source type (SAM Events.*.Type) → input classes the runtime can deserialize it into. */
  private static final Map<String, List<String>> INPUT_TYPES = new LinkedHashMap<>();

  static {
    INPUT_TYPES.put("S3", List.of(EVENTS + "S3Event", EVENTS + "models.s3.S3EventNotification"));
    INPUT_TYPES.put("SQS", List.of(EVENTS + "SQSEvent"));
    INPUT_TYPES.put("SNS", List.of(EVENTS + "SNSEvent"));
    INPUT_TYPES.put("DynamoDB", List.of(EVENTS + "DynamodbEvent"));
    INPUT_TYPES.put("Kinesis", List.of(EVENTS + "KinesisEvent"));
    INPUT_TYPES.put("Api", List.of(EVENTS + "APIGatewayProxyRequestEvent"));
    INPUT_TYPES.put("HttpApi", List.of(EVENTS + "APIGatewayV2HTTPEvent", EVENTS + "APIGatewayProxyRequestEvent"));
  }

  /** Event source type → the partial batch response Lambda reads with ReportBatchItemFailures. */
  private static final Map<String, String> BATCH_RESPONSES = Map.of(
      "SQS", EVENTS + "SQSBatchResponse",
      "DynamoDB", EVENTS + "StreamsEventResponse",
      "Kinesis", EVENTS + "StreamsEventResponse");

  /** Inputs that accept any event: raw streams, maps and Object. */
  private static final List<String> ANY_INPUT = List.of("java.io.InputStream", "java.lang.Object", "java.util.Map");

  private final SamTemplateCheck.Run run;
  private final ClassLoader loader;

  Handlers(SamTemplateCheck.Run run, ClassLoader loader) {
    this.run = run;
    this.loader = loader;
  }

  void check(String id, JsonNode props, JsonNode globals, String where) {
    if (props.path("PackageType").asText("Zip").equals("Image")) {
      return;
    }
    String path = props.has("Handler") ? where + ".Handler" : "Globals.Function.Handler";
    JsonNode h = props.has("Handler") ? props.get("Handler") : globals.get("Handler");
    int line = run.line(props.has("Handler") || h != null ? path : where);
    if (h != null && h.isObject() && h.path("Fn::If").isArray() && h.path("Fn::If").size() == 3) {
      // Either branch may be deployed (the stack's parameters choose): both must be handlers.
      for (int branch = 1; branch <= 2; branch++) {
        check(id, props, h.get("Fn::If").get(branch), where, path + ".Fn::If[" + branch + "]", line);
      }
      return;
    }
    check(id, props, h, where, path, line);
  }

  private void check(String id, JsonNode props, JsonNode h, String where, String path, int line) {
    if (h == null || !h.isTextual() || h.asText().isBlank()) {
      run.add("HANDLER_MISSING", line, where, "function " + id + " has no Handler: add Handler: pkg.Class::handleRequest");
      return;
    }
    String handler = h.asText().trim();
    int sep = handler.indexOf("::");
    String className = sep >= 0 ? handler.substring(0, sep) : handler;
    String methodName = sep >= 0 ? handler.substring(sep + 2) : null;
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      run.add("HANDLER_CLASS_MISSING", line, path,
          "function " + id + ": class " + className + " is not in the lesson's code; check the package and class"
              + " name in Handler '" + handler + "' (format pkg.Class::method)");
      return;
    }
    if (methodName == null) {
      if (!implementsByName(type, REQUEST_HANDLER) && !implementsByName(type, STREAM_HANDLER)) {
        run.add("HANDLER_METHOD_MISSING", line, path,
            "function " + id + ": " + className + " implements neither RequestHandler nor RequestStreamHandler,"
                + " so the Handler must name its method: " + className + "::methodName");
        return;
      }
      methodName = "handleRequest";
    }
    List<Method> candidates = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (m.getName().equals(methodName) && !m.isBridge() && !m.isSynthetic()) {
        candidates.add(m);
      }
    }
    if (candidates.isEmpty()) {
      TreeSet<String> names = new TreeSet<>();
      for (Method m : type.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
          names.add(m.getName());
        }
      }
      run.add("HANDLER_METHOD_MISSING", line, path,
          "function " + id + ": " + className + " has no public method '" + methodName + "'"
              + (names.isEmpty() ? "" : " (its public methods: " + String.join(", ", names) + ")"));
      return;
    }
    if (!Modifier.isPublic(type.getModifiers())) {
      run.add("HANDLER_CLASS_NOT_PUBLIC", line, path,
          "function " + id + ": class " + className + " must be public for the Lambda runtime to load it");
      return;
    }
    boolean anyStatic = candidates.stream().anyMatch(m -> Modifier.isStatic(m.getModifiers()));
    if (!anyStatic && !hasPublicNoArgConstructor(type)) {
      run.add("HANDLER_NOT_INSTANTIABLE", line, path,
          "function " + id + ": the Lambda runtime creates " + className
              + " with a public no-argument constructor, and it has none");
      return;
    }
    checkInputType(id, props, where, line, path, handler, candidates);
  }

  private void checkInputType(
      String id, JsonNode props, String where, int line, String path, String handler, List<Method> candidates) {
    JsonNode events = props.path("Events");
    events.fields().forEachRemaining(e -> {
      String source = e.getValue().path("Type").asText("");
      checkBatchResponse(id, source, e.getKey(), e.getValue(), line, path, handler, candidates);
      List<String> wanted = INPUT_TYPES.get(source);
      if (wanted == null) {
        return;
      }
      boolean fits = false;
      List<String> seen = new ArrayList<>();
      for (Method m : candidates) {
        if (m.getParameterCount() == 0) {
          fits = true;
          break;
        }
        Class<?> input = m.getParameterTypes()[0];
        seen.add(input.getName());
        if (wanted.contains(input.getName()) || ANY_INPUT.contains(input.getName())) {
          fits = true;
          break;
        }
      }
      if (!fits) {
        run.add("HANDLER_INPUT_TYPE", line, path,
            "function " + id + " is triggered by " + source + " (" + where + ".Events." + e.getKey() + ") but "
                + handler + " takes " + String.join(" / ", seen) + "; the runtime delivers "
                + shortNames(wanted) + " there");
      }
    });
  }

  /**
   * A partial batch response counts only with {@code FunctionResponseTypes: [ReportBatchItemFailures]};
   * that setting without one makes Lambda treat every batch as all-or-nothing.
   */
  private void checkBatchResponse(String id, String source, String eventName, JsonNode event, int line,
      String path, String handler, List<Method> candidates) {
    String response = BATCH_RESPONSES.get(source);
    if (response == null) {
      return;
    }
    boolean returnsIt = candidates.stream().anyMatch(m -> m.getReturnType().getName().equals(response));
    boolean streams = candidates.stream().anyMatch(m -> m.getParameterCount() > 1
        && m.getParameterTypes()[1].getName().equals("java.io.OutputStream"));
    boolean reports = false;
    for (JsonNode t : event.path("Properties").path("FunctionResponseTypes")) {
      reports |= t.asText().equals("ReportBatchItemFailures");
    }
    String simple = response.substring(response.lastIndexOf('.') + 1);
    if (returnsIt && !reports) {
      run.add("PARTIAL_BATCH_RESPONSE_IGNORED", line, path,
          "function " + id + ": " + handler + " returns " + simple + " but event " + eventName
              + " does not set FunctionResponseTypes: [ReportBatchItemFailures], so Lambda ignores it"
              + " and retries the whole batch on any error");
    } else if (reports && !returnsIt && !streams) {
      run.add("PARTIAL_BATCH_RESPONSE_MISSING", line, path,
          "function " + id + ": event " + eventName + " sets ReportBatchItemFailures but " + handler
              + " does not return " + simple + ": return one naming the failed records");
    }
  }

  private static String shortNames(List<String> names) {
    List<String> s = new ArrayList<>();
    for (String n : names) {
      s.add(n.substring(n.lastIndexOf('.') + 1));
    }
    return String.join(" or ", s);
  }

  private static boolean hasPublicNoArgConstructor(Class<?> type) {
    return Arrays.stream(type.getConstructors()).anyMatch(c -> c.getParameterCount() == 0);
  }

  /** By name, so that a handler loaded by another class loader still counts. */
  private static boolean implementsByName(Class<?> type, String interfaceName) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (i.getName().equals(interfaceName) || implementsByName(i, interfaceName)) {
          return true;
        }
      }
    }
    return false;
  }
}
