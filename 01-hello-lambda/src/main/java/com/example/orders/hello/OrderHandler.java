package com.example.orders.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Step 2: the same idea with types. The runtime reads the event into an {@link OrderRequest}
 * record and writes the returned {@link OrderConfirmation} as JSON. A broken rule is thrown: the
 * caller (another service, a state machine) gets Lambda's error document.
 *
 * <p>Handler string: {@code com.example.orders.hello.OrderHandler::handleRequest}
 */
public class OrderHandler implements RequestHandler<OrderRequest, OrderConfirmation> {

  @Override
  public OrderConfirmation handleRequest(OrderRequest order, Context context) {
    order.validate();
    context.getLogger().log("order " + order.orderId() + " accepted, "
        + context.getRemainingTimeInMillis() + " ms left");
    int items = order.items() == null ? 0 : order.items().size();
    return new OrderConfirmation(order.orderId(), "ACCEPTED", order.amount(), items, HelloHandler.MESSAGE);
  }
}
