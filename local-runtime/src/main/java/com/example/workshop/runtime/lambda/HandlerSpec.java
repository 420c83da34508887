package com.example.workshop.runtime.lambda;

import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * A resolved handler string: which class, which kind of handler, and for methods, which
 * parameters the runtime passes. Resolution loads the class without initialising it; static
 * initialisers run later, in the init phase of the first invocation.
 *
 * @param inputType type the event is deserialised into; null when nothing is passed
 * @param outputType type the result is serialised from; null for void
 */
record HandlerSpec(
    String handler,
    Class<?> handlerClass,
    Kind kind,
    Method method,
    Type inputType,
    Type outputType,
    boolean needsInputStream,
    boolean needsOutputStream,
    boolean needsContext) {

  enum Kind {
    /** Class implements RequestStreamHandler. */
    STREAM_HANDLER,
    /** Class implements RequestHandler&lt;I, O&gt;. */
    REQUEST_HANDLER,
    /** A named method taking (event[, Context]) or nothing. */
    POJO_METHOD,
    /** A named method taking (InputStream[, OutputStream][, Context]) in some combination. */
    STREAM_METHOD
  }

  boolean needsInstance() {
    return method == null || !java.lang.reflect.Modifier.isStatic(method.getModifiers());
  }
}
