package com.example.workshop.runtime.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * One execution environment: the handler class initialised and instantiated once (the init
 * phase of a cold start), then called for each invocation it serves. Not thread-safe; Lambda
 * sends one event at a time to an environment.
 */
final class ExecutionEnvironment {
  private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

  private final HandlerSpec spec;
  private final ClassLoader loader;
  private Object instance;
  private PojoSerializer<Object> inputSerializer;
  private PojoSerializer<Object> outputSerializer;
  private boolean initialized;

  ExecutionEnvironment(HandlerSpec spec, ClassLoader loader) {
    this.spec = spec;
    this.loader = loader;
  }

  boolean initialized() {
    return initialized;
  }

  /**
   * The init phase: static initialisers, the constructor, the serializers. A failure is reported the
   * way the runtime interface client reports it: message and type, no stack trace.
   */
  void init() throws InitFailure {
    String className = spec.handlerClass().getName();
    try {
      Class.forName(className, true, loader);
    } catch (Throwable e) {
      String message = "Error loading class " + className + (e.getMessage() == null ? "" : ": " + e.getMessage());
      throw new InitFailure(ErrorDocument.of(message, e.getClass().getName(), null), e);
    }
    try {
      if (spec.needsInstance()) {
        instance = spec.handlerClass().getConstructor().newInstance();
      }
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new InitFailure(ErrorDocument.of(message(cause), cause.getClass().getName(), null), cause);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      throw new InitFailure(ErrorDocument.of(message(e), e.getClass().getName(), null), e);
    }
    if (spec.inputType() != null) {
      inputSerializer = Serializers.forType(spec.inputType(), loader);
    }
    if (spec.outputType() != null) {
      outputSerializer = Serializers.forType(spec.outputType(), loader);
    }
    initialized = true;
  }

  private static String message(Throwable t) {
    return t.getLocalizedMessage() == null ? t.getClass().getName() : t.getLocalizedMessage();
  }

  /** Runs the handler; whatever the handler throws comes out unwrapped. */
  byte[] call(byte[] event, Context context) throws Throwable {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    switch (spec.kind()) {
      case STREAM_HANDLER -> ((RequestStreamHandler) instance).handleRequest(new ByteArrayInputStream(event), out, context);
      case REQUEST_HANDLER -> pojo(event, out, context);
      case POJO_METHOD -> pojo(event, out, context);
      case STREAM_METHOD -> streamMethod(event, out, context);
      default -> throw new IllegalStateException(spec.kind().toString());
    }
    return out.toByteArray();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void pojo(byte[] event, ByteArrayOutputStream out, Context context) throws Throwable {
    Object input = null;
    if (inputSerializer != null) {
      try {
        input = inputSerializer.fromJson(new ByteArrayInputStream(event));
      } catch (Throwable t) {
        throw new RuntimeException("An error occurred during JSON parsing", t);
      }
    }
    Object output;
    if (spec.kind() == HandlerSpec.Kind.REQUEST_HANDLER) {
      output = ((RequestHandler) instance).handleRequest(input, context);
    } else {
      Method m = spec.method();
      Object[] args = new Object[(spec.inputType() != null ? 1 : 0) + (spec.needsContext() ? 1 : 0)];
      int i = 0;
      if (spec.inputType() != null) {
        args[i++] = input;
      }
      if (spec.needsContext()) {
        args[i] = context;
      }
      output = invoke(m, args);
    }
    if (outputSerializer == null) {
      out.write(JSON_NULL);
      return;
    }
    try {
      outputSerializer.toJson(output, out);
    } catch (Throwable t) {
      throw new RuntimeException("An error occurred during JSON serialization of response", t);
    }
  }

  private void streamMethod(byte[] event, ByteArrayOutputStream out, Context context) throws Throwable {
    Object[] args = new Object[(spec.needsInputStream() ? 1 : 0) + (spec.needsOutputStream() ? 1 : 0)
        + (spec.needsContext() ? 1 : 0)];
    int i = 0;
    InputStream in = new ByteArrayInputStream(event);
    if (spec.needsInputStream()) {
      args[i++] = in;
    }
    if (spec.needsOutputStream()) {
      args[i++] = out;
    }
    if (spec.needsContext()) {
      args[i] = context;
    }
    invoke(spec.method(), args);
    if (!spec.needsOutputStream()) {
      out.write(JSON_NULL);
    }
  }

  /** Through reflection, as the runtime interface client calls it (the same frames in traces). */
  private Object invoke(Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(instance, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() != null ? e.getCause() : e;
    }
  }

  /** The init phase failed (Runtime.BadFunctionCode); the invocation fails with this document. */
  static final class InitFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final String document;

    /** @param cause logged with its stack trace, as the runtime logs it; not part of the document */
    InitFailure(String document, Throwable cause) {
      super(document, cause, false, false);
      this.document = document;
    }
  }
}
