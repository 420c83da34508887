package com.example.workshop.runtime;

import com.example.workshop.runtime.lambda.Architecture;
import com.example.workshop.runtime.lambda.LocalLambda;
import com.example.workshop.runtime.scaling.HandlerTimings;
import com.example.workshop.runtime.scaling.ScalingReplay;
import com.example.workshop.runtime.scaling.ScalingReport;
import com.example.workshop.runtime.scaling.SqsEventSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scale}: measures a handler (a few cold starts and warm invocations, for real, each cold start
 * in a JVM of its own), then replays a stream of events through it the way Lambda scales, in virtual
 * time. stdout gets the measurement and the report; exit 0 when the replay ran, 1 when the handler
 * failed while being measured, 2 on bad arguments or input.
 */
@Command(name = "scale", sortOptions = false,
    description = "Replay a stream of events through a Java handler the way Lambda scales it, in virtual time.",
    footer = {"", "The events: an SQS event (each record one message on a standard queue, polled by an event",
        "source mapping) or a JSON array (each element one synchronous invocation), repeated to --count.",
        "Durations are measured by invoking the handler for real; the same measurement and --seed give",
        "the same report.",
        "exit: 0 replayed, 1 the handler failed while being measured, 2 bad arguments or input"})
final class ScaleCommand implements Callable<Integer> {
  private final Streams io;

  @Option(names = "--handler", paramLabel = "H",
      description = "pkg.Class::method or pkg.Class (not needed with --timings)")
  String handler;

  @Option(names = "--event", required = true, paramLabel = "FILE",
      description = "an SQS event or a JSON array of events")
  String event;

  @Mixin FunctionOptions function = new FunctionOptions();

  @Option(names = "--count", paramLabel = "N",
      description = "how many events to send, 1 to 1000000 (default: the file's)")
  String count;

  @Option(names = "--rate", paramLabel = "PER_SECOND",
      description = "events sent per second (default: all at once, a burst)")
  String rate;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "seed for the durations drawn and the retry jitter (default 1)")
  String seed;

  @Option(names = "--account-concurrency", paramLabel = "N", defaultValue = "1000",
      description = "the account's concurrency quota (default 1000)")
  String accountConcurrency;

  @Option(names = "--reserved-concurrency", paramLabel = "N", description = "the function's reserved concurrency")
  String reservedConcurrency;

  @Option(names = "--batch-size", paramLabel = "N", description = "SQS: BatchSize, 1 to 10000 (default 10)")
  String batchSize;

  @Option(names = "--batching-window", paramLabel = "SECONDS",
      description = "SQS: MaximumBatchingWindowInSeconds, 0 to 300 (default 0)")
  String batchingWindow;

  @Option(names = "--maximum-concurrency", paramLabel = "N",
      description = "SQS: the mapping's ScalingConfig.MaximumConcurrency, 2 to 1000")
  String maximumConcurrency;

  @Option(names = "--visibility-timeout", paramLabel = "SECONDS",
      description = "SQS: the queue's VisibilityTimeout (default 30)")
  String visibilityTimeout;

  @Option(names = "--max-receive-count", paramLabel = "N",
      description = "SQS: the redrive policy's maxReceiveCount (default: no dead-letter queue)")
  String maxReceiveCount;

  @Option(names = "--cold-starts", paramLabel = "N", defaultValue = "3",
      description = "new environments to measure (default 3)")
  String coldStarts;

  @Option(names = "--warm-invocations", paramLabel = "N", defaultValue = "20",
      description = "warm invocations to measure (default 20)")
  String warmInvocations;

  @Option(names = "--save-timings", paramLabel = "FILE", description = "write the measured durations to FILE")
  String saveTimings;

  @Option(names = "--timings", paramLabel = "FILE",
      description = "replay durations saved with --save-timings instead of measuring again")
  String timingsFile;

  @Option(names = "--timeline", description = "also print the replay second by second")
  boolean timeline;

  @Option(names = "--json", description = "print one JSON object: the measurement and the report")
  boolean json;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  ScaleCommand(Streams io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    long seedValue = wholeLong("--seed", seed);
    int memoryMb = function.memoryMb();
    int timeoutSeconds = function.timeoutSeconds();
    ReplayEvents.Batch batch = ReplayEvents.read(event, InputText.read(event, "event", io.in(), InputText.Limit.FILE));
    // A replay keeps every event in memory: a million is plenty for a lesson and fits any heap.
    int events = count == null ? batch.events().size() : InvokeCommand.whole("--count", count, 1, 1_000_000);
    ScalingReplay.Builder replay = ScalingReplay.builder().seed(seedValue);
    ScalingReplay built;
    SqsEventSource sqs = batch.sqs() ? sqsSource() : null;
    if (!batch.sqs()) {
      refuseSqsOptions();
    }
    try {
      replay.memoryMb(memoryMb).timeout(Duration.ofSeconds(timeoutSeconds))
          .accountConcurrency(positive("--account-concurrency", accountConcurrency));
      if (function.architecture != null) {
        replay.architecture(Architecture.fromId(function.architecture));
      }
      if (reservedConcurrency != null) {
        replay.reservedConcurrency(InvokeCommand.whole("--reserved-concurrency", reservedConcurrency, 0,
            Integer.MAX_VALUE));
      }
      if (rate != null) {
        replay.ratePerSecond(positiveNumber("--rate", rate));
      }
      if (sqs != null) {
        replay.sqs(sqs);
      }
      built = replay.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    List<String> replayed = batch.repeated(events, seedValue);
    int cold = positive("--cold-starts", coldStarts);
    int warm = positive("--warm-invocations", warmInvocations);
    int perInvocation = sqs == null ? 1 : sqs.batchSize();
    List<String> samples = batch.invocations(replayed, perInvocation, cold + warm);

    HandlerTimings timings;
    if (timingsFile != null) {
      timings = ScaleText.readTimings(timingsFile, InputText.read(timingsFile, "timings", io.in(), InputText.Limit.FILE));
    } else {
      if (handler == null) {
        throw new UsageException("missing required option --handler (or --timings FILE) (see scale --help)");
      }
      ByteArrayOutputStream logs = new ByteArrayOutputStream();
      LocalLambda.Builder lambda = function.function(handler, new PrintStream(logs, true, StandardCharsets.UTF_8));
      io.err().println("measuring " + handler + ": " + cold + " cold starts and " + warm + " warm invocations"
          + (sqs == null ? "" : " of batches of up to " + perInvocation + " messages") + " ...");
      try {
        timings = HandlerTimings.measure(lambda, samples, cold, warm);
      } catch (HandlerTimings.MeasurementFailed e) {
        io.err().print(logs.toString(StandardCharsets.UTF_8));
        FunctionOptions.print(e.invocation(), io);
        io.err().println("the handler failed while being measured; fix it first (try it with invoke)");
        return 1;
      }
      if (saveTimings != null) {
        ScaleText.writeTimings(saveTimings, timings);
      }
    }
    ScalingReport report = built.replay(replayed, timings);
    if (json) {
      io.out().println(report.toJson().set("measured", ScaleText.timingsJson(timings)).toString());
    } else {
      io.out().print(timingsFile != null ? "Durations from " + timingsFile + System.lineSeparator()
          : ScaleText.measured(handler, timings, sqs == null ? "one event" : "a batch of up to " + perInvocation
              + " messages"));
      io.out().println(ScaleText.replayed(events, rate, sqs, memoryMb, function.architecture, reservedConcurrency,
          accountConcurrency, seedValue));
      io.out().println();
      io.out().print(report.toText());
      if (timeline) {
        io.out().println();
        io.out().print(report.timelineText(60));
      }
    }
    io.out().flush();
    return 0;
  }

  private SqsEventSource sqsSource() {
    SqsEventSource.Builder b = SqsEventSource.builder();
    try {
      if (batchSize != null) {
        b.batchSize(InvokeCommand.whole("--batch-size", batchSize, 1, 10_000));
      }
      if (batchingWindow != null) {
        b.batchingWindow(Duration.ofSeconds(InvokeCommand.whole("--batching-window", batchingWindow, 0, 300)));
      }
      if (maximumConcurrency != null) {
        b.maximumConcurrency(InvokeCommand.whole("--maximum-concurrency", maximumConcurrency, 2, 1000));
      }
      if (visibilityTimeout != null) {
        b.visibilityTimeout(Duration.ofSeconds(InvokeCommand.whole("--visibility-timeout", visibilityTimeout, 0,
            43_200)));
      }
      if (maxReceiveCount != null) {
        b.maxReceiveCount(InvokeCommand.whole("--max-receive-count", maxReceiveCount, 1, 1000));
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage().replace("Maximum batch window", "--batching-window: Maximum batch window"));
    }
  }

  private void refuseSqsOptions() {
    Map<String, String> sqsOnly = new LinkedHashMap<>();
    sqsOnly.put("--batch-size", batchSize);
    sqsOnly.put("--batching-window", batchingWindow);
    sqsOnly.put("--maximum-concurrency", maximumConcurrency);
    sqsOnly.put("--visibility-timeout", visibilityTimeout);
    sqsOnly.put("--max-receive-count", maxReceiveCount);
    sqsOnly.forEach((name, value) -> {
      if (value != null) {
        throw new UsageException(name + " applies to an SQS event; " + event
            + " is an array of events, each one a synchronous invocation");
      }
    });
  }

  private static int positive(String name, String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new UsageException(name + " must be a positive whole number, got '" + value + "'");
  }

  private static double positiveNumber(String name, String value) {
    try {
      double d = Double.parseDouble(value.trim());
      if (d > 0 && !Double.isInfinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new UsageException(name + " must be a positive number of events per second, got '" + value + "'");
  }

  private static long wholeLong(String name, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number, got '" + value + "'");
    }
  }
}
