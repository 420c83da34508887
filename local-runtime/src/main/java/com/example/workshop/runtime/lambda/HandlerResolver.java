package com.example.workshop.runtime.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a handler string the way the Lambda Java runtime (aws-lambda-java-runtime-interface-client)
 * does: split on the last {@code ::}; without a method the class must implement
 * RequestStreamHandler or RequestHandler; with a method, public overloads of that name are tried
 * longest signature first (a trailing Context counts one extra, bridge methods last) and the first
 * supported signature wins.
 */
final class HandlerResolver {
  private static final String FORMS = "'com.example.Class::method' or 'com.example.Class'";

  private HandlerResolver() {}

  /** A non-fatal fault: every invocation fails with it. */
  private static HandlerFault fault(String hint, String awsMessage, String awsType) {
    return new HandlerFault(hint, awsMessage, awsType, false);
  }

  /** @throws HandlerFault when Lambda's Java runtime could not call the handler */
  static HandlerSpec resolve(String handler, ClassLoader loader) {
    String h = handler == null ? "" : handler;
    int colons = h.lastIndexOf("::");
    String className = colons < 0 ? h : h.substring(0, colons);
    String methodName = colons < 0 ? null : h.substring(colons + 2);
    if (className.isEmpty() || (methodName != null && methodName.isEmpty())) {
      throw fault((h.isBlank() ? "handler is empty" : "handler '" + h + "' is malformed") + "; expected " + FORMS,
          "Invalid handler: `" + h + "'", null);
    }
    Class<?> clazz;
    try {
      clazz = Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      throw new HandlerFault("Class not found: " + className + " (handler '" + h + "'). Check the package and"
          + " class name, and that the compiled class is on the classpath (--classpath).",
          "Class not found: " + className, e.getClass().getName(), false);
    } catch (LinkageError e) {
      String missing = e.getMessage() == null ? "" : ": " + e.getMessage();
      throw new HandlerFault("Class " + className + " cannot be loaded" + missing + " (handler '" + h + "')."
          + " A class it needs, such as its superclass, is missing from the classpath (--classpath).",
          "Error loading class " + className + missing, e.getClass().getName(), true);
    }
    return methodName == null ? resolveClass(h, clazz) : resolveMethod(h, clazz, methodName);
  }

  private static HandlerSpec resolveClass(String h, Class<?> clazz) {
    if (RequestStreamHandler.class.isAssignableFrom(clazz)) {
      requireConstructor(clazz);
      return new HandlerSpec(h, clazz, HandlerSpec.Kind.STREAM_HANDLER, null, null, null, true, true, true);
    }
    if (RequestHandler.class.isAssignableFrom(clazz)) {
      Type[] types = requestHandlerTypes(clazz);
      if (types == null || types.length != 2) {
        throw fault("Class " + clazz.getName() + " does not implement RequestHandler with concrete type"
            + " parameters; declare it as 'implements RequestHandler<InputType, OutputType>'",
            "Class " + clazz.getName() + " does not implement RequestHandler with concrete type parameters", null);
      }
      Type in = concrete(clazz, types[0]);
      Type out = concrete(clazz, types[1]);
      requireConstructor(clazz);
      return new HandlerSpec(h, clazz, HandlerSpec.Kind.REQUEST_HANDLER, null, in, isVoid(out) ? null : out,
          false, false, true);
    }
    throw fault("Class does not implement an appropriate handler interface: " + clazz.getName()
        + ". Implement RequestHandler<I, O> or RequestStreamHandler, or name a method: '" + clazz.getName()
        + "::methodName'", "Class does not implement an appropriate handler interface: " + clazz.getName(), null);
  }

  private static HandlerSpec resolveMethod(String h, Class<?> clazz, String name) {
    List<Method> candidates = new ArrayList<>();
    for (Method m : clazz.getMethods()) {
      if (m.getName().equals(name)) {
        candidates.add(m);
      }
    }
    candidates.sort(PRIORITY);
    for (Method m : candidates) {
      HandlerSpec spec = fromOverload(h, clazz, m);
      if (spec != null) {
        if (spec.needsInstance()) {
          requireConstructor(clazz);
        }
        return spec;
      }
    }
    String aws = "No public method named " + name + " with appropriate method signature found on class "
        + clazz.getName();
    throw fault(aws + ". Supported: (Event), (Event, Context), (InputStream, OutputStream[, Context]) and"
        + " similar; the method must be public.", aws, null);
  }

  /** Longer signatures first, a trailing Context counting one extra; bridge methods last. */
  private static final Comparator<Method> PRIORITY =
      Comparator.<Method>comparingInt(m -> m.isBridge() ? 1 : 0)
          .thenComparingInt(m -> -weight(m));

  private static int weight(Method m) {
    Class<?>[] p = m.getParameterTypes();
    return p.length + (p.length > 0 && p[p.length - 1] == Context.class ? 1 : 0);
  }

  private static HandlerSpec fromOverload(String h, Class<?> clazz, Method m) {
    Type r = m.getGenericReturnType();
    Type out = isVoid(r) ? null : r;
    Type[] p = m.getGenericParameterTypes();
    switch (p.length) {
      case 0:
        return pojo(h, clazz, m, null, out, false);
      case 1:
        if (p[0] == InputStream.class) {
          return stream(h, clazz, m, true, false, false);
        } else if (p[0] == OutputStream.class) {
          return stream(h, clazz, m, false, true, false);
        } else if (p[0] == Context.class) {
          return pojo(h, clazz, m, null, out, true);
        }
        return pojo(h, clazz, m, p[0], out, false);
      case 2:
        if (p[0] == OutputStream.class) {
          return p[1] == Context.class ? stream(h, clazz, m, false, true, true) : null;
        } else if (p[0] == Context.class) {
          return null;
        } else if (p[0] == InputStream.class) {
          if (p[1] == OutputStream.class) {
            return stream(h, clazz, m, true, true, false);
          }
          return p[1] == Context.class ? stream(h, clazz, m, true, false, true) : null;
        }
        return p[1] == Context.class ? pojo(h, clazz, m, p[0], out, true) : null;
      case 3:
        return p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class
            ? stream(h, clazz, m, true, true, true)
            : null;
      default:
        return null;
    }
  }

  private static HandlerSpec pojo(String h, Class<?> c, Method m, Type in, Type out, boolean ctx) {
    return new HandlerSpec(h, c, HandlerSpec.Kind.POJO_METHOD, m, in, out, false, false, ctx);
  }

  private static HandlerSpec stream(String h, Class<?> c, Method m, boolean in, boolean out, boolean ctx) {
    return new HandlerSpec(h, c, HandlerSpec.Kind.STREAM_METHOD, m, null, null, in, out, ctx);
  }

  private static boolean isVoid(Type t) {
    return t == void.class || t == Void.class;
  }

  private static void requireConstructor(Class<?> clazz) {
    if (clazz.getEnclosingClass() != null && !Modifier.isStatic(clazz.getModifiers())) {
      String aws = "Class " + clazz.getName() + " cannot be instantiated because it is a non-static inner class";
      throw new HandlerFault(aws + "; make it static", aws, "java.lang.Exception", true);
    }
    try {
      clazz.getConstructor();
    } catch (NoSuchMethodException e) {
      String aws = "Class " + clazz.getName() + " has no public zero-argument constructor";
      throw new HandlerFault(aws + "; add 'public " + clazz.getSimpleName() + "() {}'", aws, "java.lang.Exception",
          true);
    }
    if (Modifier.isAbstract(clazz.getModifiers())) {
      // The JVM's InstantiationException for an abstract class has no message: the runtime shows its type.
      throw new HandlerFault("Class " + clazz.getName() + " is abstract; name a concrete class",
          "java.lang.InstantiationException", "java.lang.InstantiationException", true);
    }
  }

  /** A type argument must be concrete, or a type variable with a bound other than Object. */
  private static Type concrete(Class<?> clazz, Type t) {
    if (t instanceof TypeVariable<?> tv) {
      for (Type bound : tv.getBounds()) {
        if (bound != Object.class) {
          return bound;
        }
      }
      String aws = "Class " + clazz.getName()
          + " does not implement RequestHandler with concrete type parameters: parameter " + tv + " has no upper bound.";
      throw fault(aws, aws, null);
    }
    return t;
  }

  /** RequestHandler's two type arguments as seen from clazz, type variables resolved. */
  static Type[] requestHandlerTypes(Class<?> clazz) {
    return search(clazz, Map.of());
  }

  private static Type[] search(Class<?> c, Map<TypeVariable<?>, Type> bindings) {
    for (Type itf : c.getGenericInterfaces()) {
      Type[] found = visit(itf, bindings);
      if (found != null) {
        return found;
      }
    }
    Type sup = c.getGenericSuperclass();
    return sup == null ? null : visit(sup, bindings);
  }

  private static Type[] visit(Type t, Map<TypeVariable<?>, Type> bindings) {
    if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      if (!RequestHandler.class.isAssignableFrom(raw)) {
        return null;
      }
      Type[] args = Arrays.copyOf(p.getActualTypeArguments(), p.getActualTypeArguments().length);
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof TypeVariable<?> tv && bindings.containsKey(tv)) {
          args[i] = bindings.get(tv);
        }
      }
      if (raw == RequestHandler.class) {
        return args;
      }
      Map<TypeVariable<?>, Type> next = new HashMap<>();
      TypeVariable<?>[] params = raw.getTypeParameters();
      for (int i = 0; i < params.length && i < args.length; i++) {
        next.put(params[i], args[i]);
      }
      return search(raw, next);
    }
    if (t instanceof Class<?> k && k != RequestHandler.class && RequestHandler.class.isAssignableFrom(k)) {
      return search(k, Map.of());
    }
    return null;
  }
}
