package com.example.workshop.runtime;

import com.example.workshop.runtime.aws.Poll;
import com.example.workshop.runtime.aws.SfnHistory;
import com.example.workshop.runtime.sfn.HistoryEvent;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

/** What {@code aws-run} does with the AWS SDK, once its arguments are checked. */
final class AwsExecution {
  private AwsExecution() {}

  static int run(AwsRunCommand a, String input, int timeoutSeconds, PrintStream out, PrintStream err) {
    try (SfnClient sfn = client(a.endpointUrl, a.region)) {
      String executionArn = a.executionArnOption;
      if (executionArn == null) {
        executionArn = sfn.startExecution(r -> r.stateMachineArn(a.stateMachineArn).input(input)
            .name(a.executionName)).executionArn();
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
