package com.example.workshop.runtime.scaling;

import com.example.workshop.runtime.lambda.Invocation;
import com.example.workshop.runtime.lambda.LocalLambda;
import com.example.workshop.runtime.lambda.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How long a handler takes, measured by really invoking it: cold starts (a new execution
 * environment: its Init Duration, then its first invocation) and warm invocations. A replay draws
 * the duration of each simulated invocation from these samples.
 */
public final class HandlerTimings {
  /** One new execution environment: its init phase, then its first invocation. */
  public record ColdStart(double initMs, double invokeMs) {
    public ColdStart {
      if (!(initMs >= 0) || Double.isInfinite(initMs)) {
        throw new IllegalArgumentException("init duration must be 0 or more milliseconds, got " + initMs);
      }
      positive(invokeMs, "invocation duration");
    }
  }

  private final List<ColdStart> coldStarts;
  private final List<Double> warmMs;

  private HandlerTimings(List<ColdStart> coldStarts, List<Double> warmMs) {
    if (coldStarts.isEmpty() || warmMs.isEmpty()) {
      throw new IllegalArgumentException("timings need at least one cold start and one warm invocation");
    }
    warmMs.forEach(ms -> positive(ms, "warm invocation duration"));
    this.coldStarts = List.copyOf(coldStarts);
    this.warmMs = List.copyOf(warmMs);
  }

  /** Timings given rather than measured: for tests, or to replay a measurement again. */
  public static HandlerTimings of(List<ColdStart> coldStarts, List<Double> warmMs) {
    return new HandlerTimings(coldStarts, warmMs);
  }

  /** Every cold start takes {@code initMs + firstInvokeMs}, every warm invocation {@code warmMs}. */
  public static HandlerTimings fixed(double initMs, double firstInvokeMs, double warmMs) {
    return new HandlerTimings(List.of(new ColdStart(initMs, firstInvokeMs)), List.of(warmMs));
  }

  /**
   * Invokes the function for real: {@code coldStarts} new execution environments, each invoked once,
   * and {@code warmInvocations} more invocations of the first one. The events are used in turn.
   *
   * @param function the function's settings; each cold start builds a new {@link LocalLambda} from it
   * @throws MeasurementFailed when an invocation fails: a replay of a failing handler says nothing
   */
  public static HandlerTimings measure(LocalLambda.Builder function, List<String> events, int coldStarts,
      int warmInvocations) {
    if (events.isEmpty() || coldStarts < 1 || warmInvocations < 1) {
      throw new IllegalArgumentException("measuring needs events, a cold start and a warm invocation");
    }
    List<ColdStart> cold = new ArrayList<>();
    List<Double> warm = new ArrayList<>();
    int next = 0;
    for (int c = 0; c < coldStarts; c++) {
      LocalLambda fn = function.build();
      try {
        Report first = checked(fn.invoke(events.get(next++ % events.size()))).report();
        // No Init Duration when the init phase timed out and ran again inside the invocation.
        Double init = first.initDurationMs();
        cold.add(new ColdStart(init == null ? 0 : init, first.durationMs()));
        for (int w = 0; c == 0 && w < warmInvocations; w++) {
          warm.add(checked(fn.invoke(events.get(next++ % events.size()))).report().durationMs());
        }
      } finally {
        fn.close();
      }
    }
    return new HandlerTimings(cold, warm);
  }

  private static Invocation checked(Invocation invocation) {
    if (invocation.failed()) {
      throw new MeasurementFailed(invocation);
    }
    return invocation;
  }

  public List<ColdStart> coldStarts() {
    return coldStarts;
  }

  public List<Double> warmMs() {
    return warmMs;
  }

  private static void positive(double ms, String what) {
    if (!(ms > 0) || Double.isInfinite(ms)) {
      throw new IllegalArgumentException(what + " must be a positive number of milliseconds, got " + ms);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HandlerTimings t && t.coldStarts.equals(coldStarts) && t.warmMs.equals(warmMs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(coldStarts, warmMs);
  }

  /** An invocation failed while the handler was being measured. */
  public static final class MeasurementFailed extends RuntimeException {
    private final transient Invocation invocation;

    MeasurementFailed(Invocation invocation) {
      super("the handler failed while being measured (" + invocation.functionError() + "): " + invocation.payload());
      this.invocation = invocation;
    }

    /** The failed invocation: its error document and function error type. */
    public Invocation invocation() {
      return invocation;
    }
  }
}
