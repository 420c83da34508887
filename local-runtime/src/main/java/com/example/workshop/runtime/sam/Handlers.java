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
