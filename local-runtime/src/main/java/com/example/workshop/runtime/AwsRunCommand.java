package com.example.workshop.runtime;

import com.example.workshop.runtime.aws.Poll;
import com.example.workshop.runtime.aws.SfnHistory;
import com.example.workshop.runtime.sfn.HistoryEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
final class AwsRunCommand {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final String USAGE = """
      usage: aws-run --state-machine-arn ARN [--input FILE|-] [--execution-name N]
             aws-run --execution-arn ARN              (print the history of an existing execution)
             common: [--endpoint-url URL] [--region R] [--timeout SECONDS]
      Region and credentials come from the AWS SDK default chains (AWS_REGION, AWS_PROFILE, ~/.aws).
      For LocalStack: --endpoint-url http://localhost:4566 --region us-east-1 (credentials 'test'/'test').""";

  private AwsRunCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
    Args a = Args.parse(args,
        Set.of("--state-machine-arn", "--execution-arn", "--input", "--execution-name",
            "--endpoint-url", "--region", "--timeout"),
        Set.of("--help"));
    if (a.has("--help")) {
      out.println(USAGE);
      return 0;
    }
    if (!a.positionals().isEmpty()) {
      throw new UsageException("aws-run takes no positional arguments (got '" + a.positionals().get(0)
          + "'); use --state-machine-arn ARN");
    }
    if (a.has("--state-machine-arn") == a.has("--execution-arn")) {
      throw new UsageException("aws-run needs exactly one of --state-machine-arn ARN (start an execution)"
          + " or --execution-arn ARN (show one)");
    }
    if (a.has("--execution-arn") && (a.has("--input") || a.has("--execution-name"))) {
      throw new UsageException("--input and --execution-name start a new execution: use them with"
          + " --state-machine-arn, not --execution-arn");
    }
    String input = a.has("--input") ? Args.readText(a.get("--input"), "input", stdin) : "{}";
    try {
      MAPPER.readTree(input);
    } catch (JsonProcessingException e) {
      throw new UsageException("input " + a.get("--input") + " is not JSON: "
          + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    int timeoutSeconds = a.intOption("--timeout", 300, 1, 24 * 3600);

    try (SfnClient sfn = client(a.get("--endpoint-url"), a.get("--region"))) {
      String executionArn = a.get("--execution-arn");
      if (executionArn == null) {
        String smArn = a.get("--state-machine-arn");
        executionArn = sfn.startExecution(r -> r.stateMachineArn(smArn).input(input)
            .name(a.get("--execution-name"))).executionArn();
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
