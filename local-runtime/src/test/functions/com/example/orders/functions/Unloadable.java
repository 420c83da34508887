package com.example.orders.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Functions the runtime cannot load or initialise. */
public final class Unloadable {
  private Unloadable() {}

  public static class StaticBoom implements RequestHandler<Map<String, Object>, String> {
    static final int LIMIT = Integer.parseInt("not a number");

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      return "limit " + LIMIT;
    }
  }

  public static class StaticError implements RequestHandler<Map<String, Object>, String> {
    static {
      if (Boolean.parseBoolean("true")) {
        throw new IllegalStateException("ORDER_TABLE is not set");
      }
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      return "never";
    }
  }

  public static class ConstructorBoom implements RequestHandler<Map<String, Object>, String> {
    public ConstructorBoom() {
      throw new IllegalStateException("cannot connect to the orders table");
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      return "never";
    }
  }

  public static class ConstructorChecked implements RequestHandler<Map<String, Object>, String> {
    public ConstructorChecked() throws Exception {
      throw new Exception("configuration file missing");
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      return "never";
    }
  }

  /** Same with a named method: the instance is still built in the init phase. */
  public static class MethodConstructorBoom {
    public MethodConstructorBoom() {
      throw new IllegalStateException("no stock client");
    }

    public String handle(Map<String, Object> event) {
      return "never";
    }
  }

  public static class PrivateConstructor implements RequestHandler<Map<String, Object>, String> {
    private PrivateConstructor() {}

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      return "never";
    }
  }

  public static class ArgumentConstructor implements RequestHandler<Map<String, Object>, String> {
    public ArgumentConstructor(String table) {}

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      return "never";
    }
  }

  public abstract static class Abstract implements RequestHandler<Map<String, Object>, String> {}

  public class Inner implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      return "never";
    }
  }

  public interface Contract extends RequestHandler<Map<String, Object>, String> {}

  /** Its superclass is deleted from the function's code before the run. */
  public static class MissingBase {}

  public static class Orphan extends MissingBase implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      return "never";
    }
  }

  @SuppressWarnings("rawtypes")
  public static class Raw implements RequestHandler {
    @Override
    public Object handleRequest(Object event, Context context) {
      return event;
    }
  }

  public static class Generic<T> implements RequestHandler<T, T> {
    @Override
    public T handleRequest(T event, Context context) {
      return event;
    }
  }

  public static class NotAHandler {
    public String handle(String a, String b, String c) {
      return a;
    }

    String hidden(Map<String, Object> event) {
      return "package-private";
    }
  }
}
