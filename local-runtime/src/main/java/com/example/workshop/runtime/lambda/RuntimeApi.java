package com.example.workshop.runtime.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Lambda Runtime API (2018-06-01) for one execution environment, on 127.0.0.1: a runtime
 * process polls {@code /runtime/invocation/next} for events and posts responses, invocation errors
 * and init errors back. Any runtime that speaks the API can run behind it: our own
 * ({@link Bootstrap}) or AWS's runtime interface client.
 */
final class RuntimeApi implements AutoCloseable {
  private static final String PREFIX = "/2018-06-01/runtime/";
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** One invocation handed to the runtime. */
  record Request(String requestId, byte[] event, long deadlineMs, String functionArn) {}

  /** What the runtime posted (or that it stopped). */
  record Post(Kind kind, String requestId, byte[] body, String errorType) {
    enum Kind { POLLED, RESPONSE, ERROR, INIT_ERROR, EXITED }

    String text() {
      return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads;
  private final BlockingQueue<Request> pending = new LinkedBlockingQueue<>();
  private final BlockingQueue<Post> posts = new LinkedBlockingQueue<>();

  RuntimeApi() {
    // Without TCP_NODELAY each small response waits for a delayed ACK (about 40 ms per exchange).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the Lambda Runtime API on 127.0.0.1: " + e.getMessage(), e);
    }
    threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "runtime-api-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext(PREFIX, this::handle);
    server.start();
  }

  /** The value of AWS_LAMBDA_RUNTIME_API. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  void offer(Request request) {
    pending.add(request);
  }

  /** Tells a waiting {@link #next} that the runtime process is gone. */
  void exited() {
    posts.add(new Post(Post.Kind.EXITED, null, null, null));
  }

  /** The next thing the runtime did, or null when nothing happened within {@code wait}. */
  Post next(Duration wait) {
    try {
      return posts.poll(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String path = x.getRequestURI().getPath().substring(PREFIX.length());
      String method = x.getRequestMethod();
      if (method.equals("GET") && path.equals("invocation/next")) {
        posts.add(new Post(Post.Kind.POLLED, null, null, null));
        Request r = take();
        if (r == null) {
          reply(x, 500, "{\"errorMessage\":\"runtime shutting down\",\"errorType\":\"Runtime.Shutdown\"}");
          return;
        }
        x.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", r.requestId());
        x.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(r.deadlineMs()));
        x.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", r.functionArn());
        x.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, r.event().length == 0 ? -1 : r.event().length);
        try (OutputStream out = x.getResponseBody()) {
          out.write(r.event());
        }
        return;
      }
      if (method.equals("POST") && path.equals("init/error")) {
        posts.add(new Post(Post.Kind.INIT_ERROR, null, body(x), errorType(x)));
        reply(x, 202, "{\"status\":\"OK\"}");
        return;
      }
      if (method.equals("POST") && path.startsWith("invocation/")) {
        String rest = path.substring("invocation/".length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        String what = slash < 0 ? "" : rest.substring(slash + 1);
        if (what.equals("response") || what.equals("error")) {
          Post.Kind kind = what.equals("response") ? Post.Kind.RESPONSE : Post.Kind.ERROR;
          posts.add(new Post(kind, id, body(x), errorType(x)));
          reply(x, 202, "{\"status\":\"OK\"}");
          return;
        }
      }
      reply(x, 404, "{\"errorMessage\":\"unknown Runtime API path " + path + "\",\"errorType\":\"InvalidRequest\"}");
    }
  }

  private Request take() {
    try {
      return pending.take();
    } catch (InterruptedException e) {
      return null;
    }
  }

  private static byte[] body(HttpExchange x) throws IOException {
    try (InputStream in = x.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  private static String errorType(HttpExchange x) {
    return x.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
  }

  private static void reply(HttpExchange x, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
