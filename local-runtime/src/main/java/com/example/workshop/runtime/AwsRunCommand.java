package com.example.workshop.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aws-run}: starts an execution of a deployed state machine (AWS, or LocalStack through
 * {@code --endpoint-url}), waits for it by polling with backoff, and prints its history in the
 * same table as {@code run}, so the two can be compared side by side. Region and credentials come
 * from the AWS SDK's default chains (AWS_REGION, AWS_PROFILE, ~/.aws/...). Exit 0 when the
 * execution ended (whatever its status, as {@code run}), 1 when it was still running at
 * {@code --timeout}, 2 for bad arguments, unreadable input or an AWS error before it started.
 */
@Command(name = "aws-run", sortOptions = false,
    description = "Start an execution of a deployed state machine (AWS or LocalStack) and print its history.",
    footer = {"", "Region and credentials come from the AWS SDK default chains (AWS_REGION, AWS_PROFILE, ~/.aws).",
        "For LocalStack: --endpoint-url http://localhost:4566 --region us-east-1 (credentials 'test'/'test')."})
final class AwsRunCommand implements Callable<Integer> {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Streams io;

  @Option(names = "--state-machine-arn", paramLabel = "ARN", description = "start an execution of this state machine")
  String stateMachineArn;

  @Option(names = "--execution-arn", paramLabel = "ARN", description = "print the history of an existing execution")
  String executionArnOption;

  @Option(names = "--input", paramLabel = "FILE|-", description = "the execution input (default {})")
  String input;

  @Option(names = "--execution-name", paramLabel = "N", description = "(default: chosen by Step Functions)")
  String executionName;

  @Option(names = "--endpoint-url", paramLabel = "URL", description = "LocalStack's URL, for example")
  String endpointUrl;

  @Option(names = "--region", paramLabel = "R", description = "(default: the SDK's region chain)")
  String region;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
      description = "how long to wait for the end (default 300)")
  String timeout;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  AwsRunCommand(Streams io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    PrintStream out = io.out();
    PrintStream err = io.err();
    if ((stateMachineArn != null) == (executionArnOption != null)) {
      throw new UsageException("aws-run needs exactly one of --state-machine-arn ARN (start an execution)"
          + " or --execution-arn ARN (show one)");
    }
    if (executionArnOption != null && (input != null || executionName != null)) {
      throw new UsageException("--input and --execution-name start a new execution: use them with"
          + " --state-machine-arn, not --execution-arn");
    }
    String inputJson = input != null ? InputText.read(input, "input", io.in(), RunCommand.INPUT_LIMIT) : "{}";
    try {
      MAPPER.readTree(inputJson);
    } catch (JsonProcessingException e) {
      throw new UsageException("input " + input + " is not JSON: "
          + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    int timeoutSeconds = InvokeCommand.whole("--timeout", timeout, 1, 24 * 3600);
    // The AWS SDK is loaded only here: lessons run the CLI in-process without it on their classpath.
    return AwsExecution.run(this, inputJson, timeoutSeconds, out, err);
  }
}
