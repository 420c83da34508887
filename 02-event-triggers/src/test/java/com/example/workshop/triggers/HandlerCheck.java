package com.example.workshop.triggers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks every AWS::Serverless::Function of a template against the compiled classes: the Handler
 * names a class and method that exist, the method's input type is what its event sources deliver,
 * and a partial batch response is returned exactly where ReportBatchItemFailures asks for one.
 */
final class HandlerCheck {
  /** What each event source type delivers to a Java handler. */
  static final Map<String, Class<?>> EVENT_INPUT =
      Map.of(
          "S3",
          S3Event.class,
          "DynamoDB",
          DynamodbEvent.class,
          "SNS",
          SNSEvent.class,
          "SQS",
          SQSEvent.class);

  /** The answer Lambda reads when FunctionResponseTypes has ReportBatchItemFailures. */
  static final Map<String, Class<?>> BATCH_RESPONSE =
      Map.of("DynamoDB", StreamsEventResponse.class, "SQS", SQSBatchResponse.class);

  private HandlerCheck() {}

  /** One line per problem, naming the function and what to change; empty when all is well. */
  static List<String> problems(JsonNode template, ClassLoader classes) {
    List<String> problems = new ArrayList<>();
    String globalHandler = template.at("/Globals/Function/Handler").asText(null);
    for (Map.Entry<String, JsonNode> fn :
        SamTemplate.resources(template, "AWS::Serverless::Function")) {
      String name = fn.getKey();
      JsonNode props = fn.getValue().path("Properties");
      String handler = props.path("Handler").asText(globalHandler);
      if (handler == null) {
        problems.add(name + ": no Handler");
        continue;
      }
      checkFunction(name, handler, props.path("Events"), classes, problems);
    }
    return problems;
  }

  private static void checkFunction(
      String name, String handler, JsonNode events, ClassLoader classes, List<String> problems) {
    int split = handler.lastIndexOf("::");
    String className = split < 0 ? handler : handler.substring(0, split);
    String methodName = split < 0 ? null : handler.substring(split + 2);
    Class<?> type;
    try {
      type = Class.forName(className, false, classes);
    } catch (ClassNotFoundException e) {
      problems.add(
          name
              + ": Handler "
              + handler
              + ": class "
              + className
              + " does not exist (check the package and class name)");
      return;
    }
    Method method =
        methodName == null ? requestHandlerMethod(type) : publicMethod(type, methodName);
    if (method == null) {
      problems.add(
          name
              + ": Handler "
              + handler
              + ": "
              + (methodName == null
                  ? "class implements neither RequestHandler nor RequestStreamHandler; name the"
                        + " method"
                  : "no public method "
                      + methodName
                      + "(input[, Context]) in "
                      + type.getSimpleName()));
      return;
    }
    Type inputType = method.getGenericParameterTypes()[0];
    Class<?> input = inputType instanceof Class<?> c ? c : Object.class;
    Class<?> output = outputType(method);
    Iterator<Map.Entry<String, JsonNode>> it = events.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> event = it.next();
      String source = event.getValue().path("Type").asText();
      Class<?> delivered = EVENT_INPUT.get(source);
      if (delivered != null && !InputStream.class.equals(input) && !input.equals(delivered)) {
        problems.add(
            name
                + ": Handler "
                + handler
                + " takes "
                + input.getSimpleName()
                + " but its "
                + source
                + " event "
                + event.getKey()
                + " delivers "
                + delivered.getSimpleName());
      }
      Class<?> batchResponse = BATCH_RESPONSE.get(source);
      if (batchResponse == null || InputStream.class.equals(input)) {
        continue;
      }
      boolean reports = false;
      for (JsonNode t : event.getValue().at("/Properties/FunctionResponseTypes")) {
        reports |= t.asText().equals("ReportBatchItemFailures");
      }
      if (reports && !batchResponse.equals(output)) {
        problems.add(
            name
                + ": event "
                + event.getKey()
                + " sets ReportBatchItemFailures but "
                + handler
                + " returns "
                + output.getSimpleName()
                + "; return "
                + batchResponse.getSimpleName());
      } else if (!reports && batchResponse.equals(output)) {
        problems.add(
            name
                + ": "
                + handler
                + " returns "
                + batchResponse.getSimpleName()
                + " but event "
                + event.getKey()
                + " does not set FunctionResponseTypes:"
                + " [ReportBatchItemFailures], so Lambda ignores it and deletes failed records");
      }
    }
  }

  private static Method publicMethod(Class<?> type, String name) {
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic())
        .filter(m -> m.getParameterCount() >= 1 && m.getParameterCount() <= 3)
        .filter(
            m ->
                m.getParameterCount() == 1
                    || Context.class.equals(m.getParameterTypes()[m.getParameterCount() - 1]))
        .findFirst()
        .orElse(null);
  }

  private static Method requestHandlerMethod(Class<?> type) {
    if (RequestHandler.class.isAssignableFrom(type)
        || RequestStreamHandler.class.isAssignableFrom(type)) {
      return publicMethod(type, "handleRequest");
    }
    return null;
  }

  private static Class<?> outputType(Method method) {
    Type t = method.getGenericReturnType();
    if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      return raw;
    }
    return t instanceof Class<?> c ? c : Object.class;
  }
}
