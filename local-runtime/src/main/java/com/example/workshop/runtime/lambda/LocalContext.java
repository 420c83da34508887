package com.example.workshop.runtime.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@link Context} a handler sees, filled in the way Lambda fills it. The remaining time
 * counts down from the configured timeout on the given clock; logger lines go to stderr by
 * default, as Lambda sends them to CloudWatch Logs rather than to the response.
 */
public final class LocalContext implements Context {
  private final String awsRequestId;
  private final String functionName;
  private final String functionVersion;
  private final String invokedFunctionArn;
  private final int memoryLimitInMb;
  private final Instant deadline;
  private final Clock clock;
  private final LambdaLogger logger;

  private LocalContext(Builder b) {
    this.awsRequestId = b.awsRequestId != null ? b.awsRequestId : UUID.randomUUID().toString();
    this.functionName = b.functionName;
    this.functionVersion = b.functionVersion;
    this.invokedFunctionArn =
        "arn:aws:lambda:" + b.region + ":" + b.accountId + ":function:" + b.functionName;
    this.memoryLimitInMb = b.memoryLimitInMb;
    this.clock = b.clock;
    this.deadline = b.deadline != null ? b.deadline : b.clock.instant().plus(b.timeout);
    this.logger = b.logger != null ? b.logger : new StreamLogger(System.err);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A context with the defaults: function "local-function", 512 MB, 3 s timeout, stderr logger. */
  public static LocalContext create() {
    return builder().build();
  }

  @Override
  public String getAwsRequestId() {
    return awsRequestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local/[" + functionVersion + "]" + awsRequestId.replace("-", "");
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return functionVersion;
  }

  @Override
  public String getInvokedFunctionArn() {
    return invokedFunctionArn;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    long left = Duration.between(clock.instant(), deadline).toMillis();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryLimitInMb;
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }

  /** Fluent builder; every setting has Lambda's default or a harmless local one. */
  public static final class Builder {
    private String awsRequestId;
    private String functionName = "local-function";
    private String functionVersion = "$LATEST";
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private int memoryLimitInMb = 512;
    private Duration timeout = Duration.ofSeconds(3);
    private Clock clock = Clock.systemUTC();
    private LambdaLogger logger;
    private Instant deadline;

    private Builder() {}

    /** The instant the invocation times out (the Runtime API's Lambda-Runtime-Deadline-Ms). */
    Builder deadline(Instant deadline) {
      this.deadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    public Builder awsRequestId(String id) {
      this.awsRequestId = Objects.requireNonNull(id, "awsRequestId");
      return this;
    }

    public Builder functionName(String name) {
      this.functionName = Objects.requireNonNull(name, "functionName");
      return this;
    }

    public Builder functionVersion(String version) {
      this.functionVersion = Objects.requireNonNull(version, "functionVersion");
      return this;
    }

    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /** Lambda allows 128 to 10,240 MB. */
    public Builder memoryLimitInMb(int mb) {
      this.memoryLimitInMb = checkedMemory(mb);
      return this;
    }

    /** Lambda allows 1 second to 15 minutes. */
    public Builder timeout(Duration timeout) {
      this.timeout = checkedTimeout(timeout);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder logger(LambdaLogger logger) {
      this.logger = Objects.requireNonNull(logger, "logger");
      return this;
    }

    public LocalContext build() {
      return new LocalContext(this);
    }
  }

  /** Lambda's memory range, shared with {@link LocalLambda.Builder}. */
  static int checkedMemory(int mb) {
    if (mb < 128 || mb > 10240) {
      throw new IllegalArgumentException("memory must be 128 to 10240 MB, got " + mb);
    }
    return mb;
  }

  /** Lambda's timeout range, shared with {@link LocalLambda.Builder}. */
  static Duration checkedTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
      throw new IllegalArgumentException(
          "timeout must be 1 to 900 seconds, got " + timeout.toMillis() / 1000.0);
    }
    return timeout;
  }

  /** Writes each log call as one line, as the Lambda console shows them. */
  static final class StreamLogger implements LambdaLogger {
    private final PrintStream out;

    StreamLogger(PrintStream out) {
      this.out = out;
    }

    @Override
    public void log(String message) {
      out.println(message);
    }

    @Override
    public void log(byte[] message) {
      out.println(new String(message, java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
