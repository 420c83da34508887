package com.example.workshop.runtime.sfn.internal.teststate;

import com.example.workshop.runtime.sfn.internal.engine.ApiError;

/** The refusals TestState answers most: AWS's error name with its message. */
final class Refusal {
  private Refusal() {}

  static ApiError validation(String message) {
    return new ApiError("ValidationException", message);
  }

  static ApiError invalidDefinition(String message) {
    return new ApiError("InvalidDefinition", message);
  }
}
