package com.example.workshop.runtime;

import com.example.workshop.runtime.aws.Poll;
import com.example.workshop.runtime.aws.SfnHistory;
import com.example.workshop.runtime.sfn.HistoryEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.SfnException;

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

    try (SfnClient sfn = client(endpointUrl, region)) {
      String executionArn = executionArnOption;
      if (executionArn == null) {
        executionArn = sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).input(inputJson)
            .name(executionName)).executionArn();
      }
      err.println("execution: " + executionArn);
      String arn = executionArn;
      DescribeExecutionResponse done;
      try {
        done = Poll.until(() -> sfn.describeExecution(r -> r.executionArn(arn)),
            d -> d.status() != ExecutionStatus.RUNNING && d.status() != ExecutionStatus.PENDING_REDRIVE,
            Duration.ofSeconds(timeoutSeconds), "execution " + arn + " to finish");
      } catch (IllegalStateException e) {
        err.println("error: still running after " + timeoutSeconds + " s; look again later with"
            + " aws-run --execution-arn " + arn);
        return 1;
      }
      List<software.amazon.awssdk.services.sfn.model.HistoryEvent> events = new ArrayList<>();
      sfn.getExecutionHistoryPaginator(r -> r.executionArn(arn).includeExecutionData(true))
          .events().forEach(events::add);
      List<HistoryEvent> history = SfnHistory.toHistoryEvents(events);
      out.print(HistoryEvent.table(history));
      out.println();
      out.println("status: " + done.statusAsString());
      if (done.status() == ExecutionStatus.SUCCEEDED) {
        out.println("output: " + done.output());
      } else {
        if (done.error() != null) {
          out.println("error:  " + done.error());
        }
        if (done.cause() != null) {
          out.println("cause:  " + done.cause());
        }
      }
      return 0;
    } catch (SfnException e) {
      String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : "error";
      String msg = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
      throw new UsageException("AWS Step Functions said " + code + ": " + oneLine(msg));
    } catch (SdkClientException e) {
      if (String.valueOf(e.getMessage()).startsWith("Unable to load credentials")) {
        throw new UsageException("no AWS credentials found: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and"
            + " AWS_SECRET_ACCESS_KEY (for LocalStack any value works, e.g. test/test)");
      }
      throw new UsageException("cannot reach AWS Step Functions: " + oneLine(e.getMessage())
          + " (check credentials, --region and --endpoint-url)");
    } catch (SdkException e) {
      throw new UsageException("AWS SDK error: " + oneLine(e.getMessage()));
    }
  }

  /** One client: URLConnection HTTP client, default credentials chain, optional endpoint and region. */
  static SfnClient client(String endpointUrl, String region) {
    SfnClientBuilder b = SfnClient.builder().httpClient(UrlConnectionHttpClient.create());
    if (region != null) {
      b.region(Region.of(region));
    } else {
      try {
        b.region(new DefaultAwsRegionProviderChain().getRegion());
      } catch (SdkClientException e) {
        throw new UsageException("no AWS region: pass --region (for example --region us-east-1)"
            + " or set AWS_REGION");
      }
    }
    if (endpointUrl != null) {
      try {
        URI uri = new URI(endpointUrl);
        if (uri.getScheme() == null || uri.getHost() == null) {
          throw new URISyntaxException(endpointUrl, "needs scheme and host");
        }
        b.endpointOverride(uri);
      } catch (URISyntaxException e) {
        throw new UsageException("--endpoint-url must be a URL like http://localhost:4566, got '"
            + endpointUrl + "'");
      }
    }
    return b.build();
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("").strip();
  }
}
