package com.example.workshop.runtime.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.GsonFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The error payload of a failed invocation as the java11+ runtime (aws-lambda-java-runtime-interface-client)
 * writes it: {@code {"errorMessage", "errorType", "stackTrace"}}, no {@code cause}, absent fields left
 * out, serialised with the same Gson settings (U+2028 and U+2029 escaped, no HTML escaping). The
 * message is the exception's message, or its class name when it has none; the type is
 * {@code Class.getName()}; the trace is the exception's own frames above the runtime.
 */
final class ErrorDocument {
  /** Frames from these classes (the local runtime itself) and below are cut, as the RIC does. */
  private static final List<String> RUNTIME_CLASSES = List.of(ExecutionEnvironment.class.getName(),
      ThreadSandbox.class.getName(), Bootstrap.class.getName(), LocalLambda.class.getName());

  private ErrorDocument() {}

  /** The serialised shape; field order is the document's key order. */
  @SuppressWarnings("unused")
  static final class Body {
    String errorMessage;
    String errorType;
    String[] stackTrace;
  }

  private static final class Holder {
    static final PojoSerializer<Body> GSON = GsonFactory.getInstance().getSerializer(Body.class);
  }

  static String fromThrowable(Throwable t) {
    String message = t.getLocalizedMessage() == null ? t.getClass().getName() : t.getLocalizedMessage();
    return of(message, t.getClass().getName(), userFrames(t));
  }

  /** @param errorType null leaves the key out; @param stackTrace null leaves the key out */
  static String of(String errorMessage, String errorType, List<String> stackTrace) {
    Body body = new Body();
    body.errorMessage = errorMessage;
    body.errorType = errorType;
    body.stackTrace = stackTrace == null ? null : stackTrace.toArray(String[]::new);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    Holder.GSON.toJson(body, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A document raised by Lambda itself (timeouts, runtime exits): errorType first, as Lambda writes it. */
  static String platform(String errorType, String errorMessage) {
    return "{\"errorType\":" + quote(errorType) + ",\"errorMessage\":" + quote(errorMessage) + "}";
  }

  /** The errorType of a document, or null when it has none or is not an error document. */
  static String errorTypeOf(String document) {
    try {
      Body body = Holder.GSON.fromJson(document);
      return body == null ? null : body.errorType;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String quote(String s) {
    String json = of(s, null, null);
    return json.substring("{\"errorMessage\":".length(), json.length() - 1);
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
    for (String runtime : RUNTIME_CLASSES) {
      if (className.equals(runtime) || className.startsWith(runtime + "$")) {
        return true;
      }
    }
    return false;
  }
}
