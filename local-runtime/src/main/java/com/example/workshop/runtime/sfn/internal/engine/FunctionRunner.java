package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A bound Lambda function: an in-process fake or a Java handler. */
public interface FunctionRunner {

  /** Invocation result: {@code payload} JSON text, or {@code errorType} + error document JSON text. */
  record Reply(String payload, String errorType, String errorDocument) {
    public boolean failed() {
      return errorType != null;
    }
  }

  Reply invoke(String eventJson, String requestId);

  /**
   * True for a Java handler: it runs on a thread of its own and its measured duration is the
   * Task's. An in-process fake answers at once in virtual time.
   */
  default boolean measured() {
    return false;
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

  /**
   * The function name in a name, a (partial or qualified) function ARN or {@code name:alias}:
   * {@code arn:aws:lambda:us-east-1:123456789012:function:Charge:live} → {@code Charge}.
   */
  static String functionName(String reference) {
    String[] parts = reference.split(":");
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].equals("function")) {
        return parts[i + 1];
      }
    }
    return parts[0];
  }
}
