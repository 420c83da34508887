package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A bound Lambda function: a fake or a Java handler. */
interface FunctionRunner {

  /** Invocation result: {@code payload} JSON text, or {@code errorType} + error document JSON text. */
  record Reply(String payload, String errorType, String errorDocument) {
    boolean failed() {
      return errorType != null;
    }
  }

  Reply invoke(String eventJson, String requestId);

  static FunctionRunner of(LambdaFunction fn) {
    return (event, requestId) -> {
      try {
        String out = fn.invoke(event);
        return new Reply(out == null ? "null" : out, null, null);
      } catch (LambdaFunctionError e) {
        return new Reply(null, e.errorType(), errorDocument(e.errorType(), e.errorMessage(),
            requestId, null));
      } catch (RuntimeException e) {
        return new Reply(null, e.getClass().getName(),
            errorDocument(e.getClass().getName(), e.getMessage(), requestId, e.getStackTrace()));
      }
    };
  }

  /** The Lambda error document: errorMessage, errorType, requestId, stackTrace. */
  static String errorDocument(String type, String message, String requestId,
      StackTraceElement[] stack) {
    ObjectNode doc = Json.object();
    doc.put("errorMessage", message == null ? "" : message);
    doc.put("errorType", type);
    doc.put("requestId", requestId);
    ArrayNode frames = doc.putArray("stackTrace");
    if (stack != null) {
      for (StackTraceElement f : stack) {
        frames.add(f.toString());
      }
    }
    return Json.text(doc);
  }
}
