package com.example.workshop.runtime.sfn.internal.teststate;

/**
 * TestState refused the request: AWS's error name ({@code ValidationException}, {@code
 * InvalidDefinition}, ...) and its message.
 */
public final class TestStateRejected extends RuntimeException {
  private final String code;

  TestStateRejected(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  static TestStateRejected validation(String message) {
    return new TestStateRejected("ValidationException", message);
  }

  static TestStateRejected invalidDefinition(String message) {
    return new TestStateRejected("InvalidDefinition", message);
  }

  /** AWS's error name, the {@code __type} of its JSON error. */
  public String code() {
    return code;
  }
}
