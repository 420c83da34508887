package com.example.workshop.runtime.lambda;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The error payload of a failed invocation as the java11+ runtime sends it:
 * {@code {"errorMessage", "errorType", "stackTrace"}} and no {@code cause}. The message is the
 * exception's message, or its class name when it has none; the type is {@code Class.getName()}
 * (nested classes with {@code $}); the trace is the exception's own frames above the runtime.
 */
final class ErrorDocument {
  /** Also validates events: one JSON value and nothing after it, as Lambda's Invoke API requires. */
  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Frames from these classes (the local runtime itself) and below are cut, as the RIC does. */
  private static final List<String> RUNTIME_CLASSES =
      List.of(LocalLambda.class.getName(), ExecutionEnvironment.class.getName());

  private ErrorDocument() {}

  static String fromThrowable(Throwable t) {
    String message = t.getLocalizedMessage() == null ? t.getClass().getName() : t.getLocalizedMessage();
    return of(message, t.getClass().getName(), userFrames(t));
  }

  static String of(String errorMessage, String errorType, List<String> stackTrace) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("errorMessage", errorMessage);
    doc.put("errorType", errorType);
    if (stackTrace != null) {
      ArrayNode frames = doc.putArray("stackTrace");
      stackTrace.forEach(frames::add);
    }
    return doc.toString();
  }

  /** The throwable's frames, cut at the first frame of the local runtime. */
  static List<String> userFrames(Throwable t) {
    List<String> frames = new ArrayList<>();
    for (StackTraceElement e : t.getStackTrace()) {
      if (isRuntimeFrame(e.getClassName())) {
        break;
      }
      frames.add(e.toString());
    }
    return frames;
  }

  private static boolean isRuntimeFrame(String className) {
    for (String prefix : RUNTIME_CLASSES) {
      if (className.equals(prefix) || className.startsWith(prefix + "$")) {
        return true;
      }
    }
    return false;
  }
}
