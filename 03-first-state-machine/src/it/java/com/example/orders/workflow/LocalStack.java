package com.example.orders.workflow;

import com.example.workshop.runtime.aws.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * LocalStack for this lesson's integration tests: the pinned free image, SDK clients pointed at
 * it, and deployment of target/function.zip as java21 functions. See docs/localstack.md.
 */
final class LocalStack {
  /** The last tag that runs without an auth token (later tags need LOCALSTACK_AUTH_TOKEN). */
  static final String DEFAULT_IMAGE = "localstack/localstack:4.14.0";
  static final Path FUNCTION_ZIP = Path.of("target", "function.zip");
  static final String LAMBDA_ROLE = "arn:aws:iam::000000000000:role/lambda-role";
  static final Duration WAIT = Duration.ofMinutes(3);

  private LocalStack() {}

  /**
   * The container: {@value #DEFAULT_IMAGE}, or the image named by {@code -Dlocalstack.image} or
   * {@code LOCALSTACK_IMAGE}, which then needs {@code LOCALSTACK_AUTH_TOKEN}.
   */
  static LocalStackContainer container(String... services) {
    String image = System.getProperty("localstack.image", System.getenv().getOrDefault("LOCALSTACK_IMAGE", DEFAULT_IMAGE));
    String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
    LocalStackContainer container =
        new LocalStackContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"))
            .withServices(services)
            // A JVM's cold start is slower than the default allows for the runtime to come up.
            .withEnv("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "120");
    if (token != null && !token.isBlank()) {
      container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
    } else if (!image.equals(DEFAULT_IMAGE)) {
      throw new IllegalStateException(image + " needs LOCALSTACK_AUTH_TOKEN (LocalStack tags after 4.14.0"
          + " require one); set it, or drop localstack.image/LOCALSTACK_IMAGE to use " + DEFAULT_IMAGE);
    }
    return container;
  }

  /** A client of any AWS service, talking to the container. */
  static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(LocalStackContainer ls, B builder) {
    return builder
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(ls.getEndpoint())
        .region(Region.of(ls.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(ls.getAccessKey(), ls.getSecretKey())))
        .build();
  }

  /** Creates a java21 function from target/function.zip and waits until it is Active; returns its ARN. */
  static String deployFunction(LambdaClient lambda, String name, String handler, Map<String, String> env) {
    byte[] zip;
    try {
      zip = Files.readAllBytes(FUNCTION_ZIP);
    } catch (IOException e) {
      throw new UncheckedIOException(FUNCTION_ZIP + " is missing: run ./mvnw verify -Plocalstack (it packages it)", e);
    }
    String arn = lambda.createFunction(r -> r.functionName(name)
            .runtime(Runtime.JAVA21)
            .handler(handler)
            .role(LAMBDA_ROLE)
            .timeout(30)
            .memorySize(1024)
            .environment(e -> e.variables(env))
            .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))))
        .functionArn();
    Poll.until(() -> lambda.getFunction(r -> r.functionName(name)).configuration().stateAsString(),
        "Active"::equals, WAIT, "function " + name + " to become Active");
    return arn;
  }
}
