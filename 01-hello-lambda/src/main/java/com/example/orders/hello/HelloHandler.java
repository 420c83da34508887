package com.example.orders.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Step 1: the Java twin of the seed's Python {@code lambda_handler(event, context)}. The event
 * arrives as a Map, the Map we return is turned into the response JSON by the runtime:
 * {@code {"statusCode":200,"body":"{\"message\":\"이벤트 처리 완료!\"}"}}.
 *
 * <p>Handler string: {@code com.example.orders.hello.HelloHandler::handleRequest}
 */
public class HelloHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  /** "Event processing complete!" - the seed article's message. */
  public static final String MESSAGE = "이벤트 처리 완료!";

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    // Logs go to CloudWatch Logs (locally: stderr), never into the response.
    context.getLogger().log("event received with fields " + event.keySet());

    Map<String, Object> response = new LinkedHashMap<>();
    response.put("statusCode", 200);
    response.put("body", "{\"message\":\"" + MESSAGE + "\"}");
    return response;
  }
}
