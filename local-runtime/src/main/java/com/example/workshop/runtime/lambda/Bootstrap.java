package com.example.workshop.runtime.lambda;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * local-runtime's Java runtime: the main class of an execution environment's own JVM. Like AWS's
 * runtime interface client it loads the handler ({@code _HANDLER}), runs the init phase, then
 * loops on the Runtime API ({@code AWS_LAMBDA_RUNTIME_API}): take an event, call the handler, post
 * the response or the error document. It reuses the in-JVM code ({@link ExecutionEnvironment}), so
 * both modes deserialise, call and report alike.
 */
final class Bootstrap {
  /** Written to the log after each invocation's output, so the parent knows the log is complete. */
  static final String LOGS_FLUSHED = "\u001elocal-runtime:logs-flushed:";
  /** System property: the function's own classpath, loaded by a class loader under the runtime's. */
  static final String TASK_CLASSPATH = "local-runtime.task-classpath";

  private final String api;
  private final PrintStream log;

  private Bootstrap(String api, PrintStream log) {
    this.api = "http://" + api + "/2018-06-01/runtime/";
    this.log = log;
  }

  public static void main(String[] args) throws Exception {
    // One UTF-8 log stream: System.out, System.err and the LambdaLogger, as in CloudWatch.
    PrintStream log = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(log);
    System.setErr(log);
    Bootstrap runtime = new Bootstrap(System.getenv("AWS_LAMBDA_RUNTIME_API"), log);
    ClassLoader loader = taskLoader(System.getProperty(TASK_CLASSPATH, ""));
    Thread.currentThread().setContextClassLoader(loader);
    runtime.run(System.getenv("_HANDLER"), loader);
  }

  private void run(String handler, ClassLoader loader) throws IOException {
    HandlerSpec spec;
    try {
      spec = HandlerResolver.resolve(handler, loader);
    } catch (HandlerFault fault) {
      log.println(fault.document());
      if (fault.fatal()) {
        post("init/error", fault.document().getBytes(StandardCharsets.UTF_8), Outcome.BAD_FUNCTION_CODE);
        System.exit(1);
      }
      while (true) { // every invocation fails the same way
        Next next = next();
        flushed(next.requestId);
        post("invocation/" + next.requestId + "/error", fault.document().getBytes(StandardCharsets.UTF_8),
            Outcome.BAD_FUNCTION_CODE);
      }
    }
    ExecutionEnvironment env = new ExecutionEnvironment(spec, loader);
    try {
      env.init();
    } catch (ExecutionEnvironment.InitFailure failure) {
      trace(failure.getCause());
      post("init/error", failure.document.getBytes(StandardCharsets.UTF_8), Outcome.BAD_FUNCTION_CODE);
      System.exit(1);
    }
    String name = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    int memory = Integer.parseInt(System.getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
    while (true) {
      Next next = next();
      String[] arn = next.functionArn.split(":");
      LocalContext context = LocalContext.builder()
          .awsRequestId(next.requestId)
          .functionName(name)
          .region(arn.length > 3 ? arn[3] : System.getenv("AWS_REGION"))
          .accountId(arn.length > 4 ? arn[4] : "123456789012")
          .memoryLimitInMb(memory)
          .deadline(Instant.ofEpochMilli(next.deadlineMs))
          .logger(new LocalContext.StreamLogger(log))
          .build();
      byte[] output;
      try {
        output = env.call(next.event, context);
      } catch (Throwable t) {
        trace(t);
        flushed(next.requestId);
        post("invocation/" + next.requestId + "/error",
            ErrorDocument.fromThrowable(t).getBytes(StandardCharsets.UTF_8), Outcome.USER_EXCEPTION);
        if (t instanceof VirtualMachineError || t instanceof IOError) {
          System.exit(0); // the runtime interface client leaves its loop too: the environment is done
        }
        continue;
      }
      Thread.interrupted(); // clear an interrupt the handler left behind, as the runtime interface client does
      flushed(next.requestId);
      post("invocation/" + next.requestId + "/response", output, null);
    }
  }

  private void trace(Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    log.println(trace.toString().stripTrailing());
  }

  private void flushed(String requestId) {
    log.print(LOGS_FLUSHED + requestId + "\n");
    log.flush();
  }

  private record Next(String requestId, long deadlineMs, String functionArn, byte[] event) {}

  private Next next() throws IOException {
    HttpURLConnection c = open("invocation/next");
    c.setReadTimeout(0);
    try (InputStream in = c.getInputStream()) {
      byte[] event = in.readAllBytes();
      return new Next(c.getHeaderField("Lambda-Runtime-Aws-Request-Id"),
          Long.parseLong(c.getHeaderField("Lambda-Runtime-Deadline-Ms")),
          c.getHeaderField("Lambda-Runtime-Invoked-Function-Arn"), event);
    }
  }

  private void post(String path, byte[] body, String errorType) throws IOException {
    HttpURLConnection c = open(path);
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setFixedLengthStreamingMode(body.length);
    if (errorType != null) {
      c.setRequestProperty("Lambda-Runtime-Function-Error-Type", errorType);
    }
    try (OutputStream out = c.getOutputStream()) {
      out.write(body);
    }
    try (InputStream in = c.getInputStream()) {
      in.readAllBytes();
    }
  }

  private HttpURLConnection open(String path) throws IOException {
    return (HttpURLConnection) URI.create(api + path).toURL().openConnection();
  }

  private static ClassLoader taskLoader(String classpath) throws MalformedURLException {
    ClassLoader system = ClassLoader.getSystemClassLoader();
    if (classpath.isEmpty()) {
      return system;
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(URL[]::new), system);
  }
}
