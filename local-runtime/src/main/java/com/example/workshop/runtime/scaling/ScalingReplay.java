package com.example.workshop.runtime.scaling;

import com.example.workshop.runtime.lambda.Architecture;
import com.example.workshop.runtime.scaling.internal.Replay;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Replays a stream of events through a function the way Lambda scales it, in virtual time: one
 * execution environment per concurrent request, a cold start for each new one, reserved and account
 * concurrency, the scaling rate, and for an SQS queue the event source mapping's pollers, batches
 * and maximum concurrency. Durations come from {@link HandlerTimings} (measured by really invoking
 * the handler); nothing sleeps, and the same events, timings and seed give the same report.
 *
 * <pre>{@code
 * HandlerTimings timings = HandlerTimings.measure(LocalLambda.builder(handler), events, 3, 20);
 * ScalingReport report = ScalingReplay.builder().memoryMb(1024).reservedConcurrency(5)
 *     .sqs(SqsEventSource.defaults()).build().replay(messages, timings);
 * }</pre>
 */
public final class ScalingReplay {
  private final Replay.Settings settings;
  private final SqsEventSource sqs;

  private ScalingReplay(Replay.Settings settings, SqsEventSource sqs) {
    this.settings = settings;
    this.sqs = sqs;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends the events and lets the function scale. With {@link Builder#sqs} each event is a message
   * (the JSON of one record, whose size counts toward the 6 MB batch payload); otherwise each event
   * is one synchronous invocation.
   */
  public ScalingReport replay(List<String> events, HandlerTimings timings) {
    Objects.requireNonNull(timings, "timings");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("nothing to replay: no events");
    }
    return sqs == null ? Replay.synchronous(settings, List.copyOf(events), timings)
        : Replay.sqs(settings, sqs, List.copyOf(events), timings);
  }

  /** Lambda's defaults: 128 MB, x86_64, a 3 s timeout, account concurrency 1,000, no reserved concurrency. */
  public static final class Builder {
    private int memoryMb = 128;
    private Architecture architecture = Architecture.X86_64;
    private Duration timeout = Duration.ofSeconds(3);
    private int accountConcurrency = 1000;
    private Integer reservedConcurrency;
    private long seed = 1;
    private Double ratePerSecond;
    private SqsEventSource sqs;

    private Builder() {}

    /** 128 to 10,240 MB: what each GB-second is billed on. */
    public Builder memoryMb(int memoryMb) {
      if (memoryMb < 128 || memoryMb > 10_240) {
        throw new IllegalArgumentException("memory must be between 128 and 10240 MB, got " + memoryMb);
      }
      this.memoryMb = memoryMb;
      return this;
    }

    public Builder architecture(Architecture architecture) {
      this.architecture = Objects.requireNonNull(architecture, "architecture");
      return this;
    }

    /** The function's timeout; an SQS queue's visibility timeout must be at least this long. */
    public Builder timeout(Duration timeout) {
      if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
        throw new IllegalArgumentException("timeout must be between 1 and 900 seconds, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The account's concurrency quota in the Region (1,000 by default), here all of it for this function. */
    public Builder accountConcurrency(int accountConcurrency) {
      if (accountConcurrency < 1) {
        throw new IllegalArgumentException("account concurrency must be a positive number, got " + accountConcurrency);
      }
      this.accountConcurrency = accountConcurrency;
      return this;
    }

    /**
     * The function's reserved concurrency: its maximum number of environments. 0 throttles every
     * invocation, as on AWS; at most the account's concurrency minus the 100 Lambda keeps unreserved.
     */
    public Builder reservedConcurrency(int reservedConcurrency) {
      if (reservedConcurrency < 0) {
        throw new IllegalArgumentException("reserved concurrency must be 0 or more, got " + reservedConcurrency);
      }
      this.reservedConcurrency = reservedConcurrency;
      return this;
    }

    /** Makes the duration drawn for each invocation, and the retry jitter, reproducible. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Events arrive one every 1/rate seconds. Without it they all arrive at once, a burst. */
    public Builder ratePerSecond(double ratePerSecond) {
      if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
        throw new IllegalArgumentException("rate must be a positive number of events per second, got " + ratePerSecond);
      }
      this.ratePerSecond = ratePerSecond;
      return this;
    }

    /** The events are messages on an SQS standard queue that an event source mapping polls. */
    public Builder sqs(SqsEventSource sqs) {
      this.sqs = Objects.requireNonNull(sqs, "sqs");
      return this;
    }

    public ScalingReplay build() {
      if (reservedConcurrency != null && reservedConcurrency > accountConcurrency - 100) {
        // PutFunctionConcurrency's answer: Lambda keeps 100 of the account's concurrency unreserved.
        throw new IllegalArgumentException("Specified ReservedConcurrentExecutions for function decreases account's"
            + " UnreservedConcurrentExecution below its minimum value of [100] (reserved concurrency "
            + reservedConcurrency + ", account concurrency " + accountConcurrency + ")");
      }
      if (sqs != null && sqs.visibilityTimeout().compareTo(timeout) < 0) {
        // CreateEventSourceMapping's answer when the function could outlive the message's invisibility.
        throw new IllegalArgumentException("Queue visibility timeout: " + sqs.visibilityTimeout().toSeconds()
            + " seconds is less than Function timeout: " + timeout.toSeconds() + " seconds");
      }
      return new ScalingReplay(new Replay.Settings(memoryMb, architecture, accountConcurrency, reservedConcurrency,
          seed, ratePerSecond), sqs);
    }
  }
}
