package com.example.workshop.runtime.lambda;

import java.util.Locale;

/**
 * What Lambda's REPORT log line says about one invocation, plus what it cost.
 *
 * @param billedDurationMs duration rounded up to the next millisecond; on a cold start it
 *     includes the init duration (INIT is billed for on-demand functions since 1 August 2025)
 * @param maxMemoryUsedMb local approximation: JVM heap in use, not the sandbox's resident memory
 * @param initDurationMs set on a cold start only, else null
 * @param errorType set when Lambda itself ended the invocation with an error (Runtime.ExitError,
 *     Function.ResponseSizeTooLarge): the line then ends with "Status: error	Error Type: ..."
 */
public record Report(
    String requestId,
    double durationMs,
    long billedDurationMs,
    int memorySizeMb,
    int maxMemoryUsedMb,
    Double initDurationMs,
    boolean timedOut,
    String errorType,
    Architecture architecture) {

  /**
   * Billed duration: the invoke duration plus, on a cold start, the init duration, rounded up to
   * the next millisecond (1 ms granularity since December 2020; INIT billed since August 2025).
   */
  public static long billedMs(double durationMs, Double initDurationMs) {
    double raw = durationMs + (initDurationMs != null ? initDurationMs : 0);
    return (long) Math.ceil(raw - 1e-9);
  }

  /** The line as Lambda writes it to the function's log stream (tab separated). */
  public String toLogLine() {
    StringBuilder line = new StringBuilder();
    line.append("REPORT RequestId: ").append(requestId).append('\t');
    line.append(String.format(Locale.ROOT, "Duration: %.2f ms\t", durationMs));
    line.append("Billed Duration: ").append(billedDurationMs).append(" ms\t");
    line.append("Memory Size: ").append(memorySizeMb).append(" MB\t");
    line.append("Max Memory Used: ").append(maxMemoryUsedMb).append(" MB\t");
    if (initDurationMs != null) {
      line.append(String.format(Locale.ROOT, "Init Duration: %.2f ms\t", initDurationMs));
    }
    if (timedOut) {
      line.append("Status: timeout");
    } else if (errorType != null) {
      line.append("Status: error\tError Type: ").append(errorType);
    }
    return line.toString();
  }

  /** Memory in GB as Lambda bills it (MB / 1024) times billed seconds. */
  public double gbSeconds() {
    return (memorySizeMb / 1024.0) * (billedDurationMs / 1000.0);
  }

  /** Cost of this one invocation in USD: one request plus the billed GB-seconds. */
  public double costUsd() {
    return Architecture.PRICE_PER_REQUEST_USD + gbSeconds() * architecture.pricePerGbSecondUsd();
  }

  /** A human-readable breakdown of {@link #costUsd()}, printed after the REPORT line. */
  public String toCostLine() {
    return String.format(
        Locale.ROOT,
        "COST RequestId: %s\t$%.10f USD = 1 request x $0.20/1M + %.4f GB x %.3f s x $%.10f/GB-s (%s)",
        requestId,
        costUsd(),
        memorySizeMb / 1024.0,
        billedDurationMs / 1000.0,
        architecture.pricePerGbSecondUsd(),
        architecture.id());
  }
}
