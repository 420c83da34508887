package com.example.workshop.runtime.scaling;

/**
 * Why Lambda refused an invocation with {@code TooManyRequestsException} (HTTP 429, "Rate Exceeded.").
 * The Invoke API names the first two in the exception's {@code Reason}; AWS does not publish a
 * reason for the scaling rate, so that one has none.
 */
public enum ThrottleReason {
  /** Every environment the function's reserved concurrency allows is busy. */
  RESERVED_CONCURRENCY("ReservedFunctionConcurrentInvocationLimitExceeded", "reserved concurrency"),
  /** The account's concurrency (shared by its functions without reserved concurrency) is in use. */
  ACCOUNT_CONCURRENCY("ConcurrentInvocationLimitExceeded", "account concurrency"),
  /** No environment is free and the function has created 1,000 environments in the last 10 seconds. */
  SCALING_RATE(null, "scaling rate");

  private final String apiReason;
  private final String label;

  ThrottleReason(String apiReason, String label) {
    this.apiReason = apiReason;
    this.label = label;
  }

  /** The {@code Reason} field of the Invoke API's TooManyRequestsException, or null when AWS gives none. */
  public String apiReason() {
    return apiReason;
  }

  /** A few words for reports: "reserved concurrency". */
  public String label() {
    return label;
  }
}
