package com.example.orders.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.example.workshop.runtime.lambda.Invocation;
import com.example.workshop.runtime.lambda.LocalContext;
import com.example.workshop.runtime.lambda.LocalLambda;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class OrderHandlerTest {
  private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

  @ParameterizedTest
  @Event(value = "events/order.json", type = OrderRequest.class)
  @DisplayName("a valid order is accepted and confirmed with the seed's message")
  void acceptsAValidOrder(OrderRequest order) {
    OrderConfirmation confirmation = new OrderHandler().handleRequest(order, LocalContext.create());

    assertEquals("o-1001", confirmation.orderId());
    assertEquals("ACCEPTED", confirmation.status());
    assertEquals(new BigDecimal("42.50"), confirmation.amount());
    assertEquals(2, confirmation.itemCount());
    assertEquals(HelloHandler.MESSAGE, confirmation.message());
  }

  @ParameterizedTest
  @Event(value = "events/order-missing-id.json", type = OrderRequest.class)
  @DisplayName("an order without orderId is rejected with InvalidOrderException naming the field")
  void rejectsAMissingOrderId(OrderRequest order) {
    InvalidOrderException e = assertThrows(InvalidOrderException.class,
        () -> new OrderHandler().handleRequest(order, LocalContext.create()));
    assertEquals("orderId", e.field());
    assertEquals("orderId is required", e.getMessage());
  }

  @Test
  @DisplayName("through the runtime, the record goes out as JSON and a rejection as Lambda's error document")
  void throughTheRuntime() throws Exception {
    LocalLambda function = LocalLambda.builder("com.example.orders.hello.OrderHandler::handleRequest")
        .logSink(QUIET).build();

    Invocation ok = function.invoke(Files.readString(Path.of("events/order.json")));
    assertEquals("{\"orderId\":\"o-1001\",\"status\":\"ACCEPTED\",\"amount\":42.50,\"itemCount\":2,"
        + "\"message\":\"이벤트 처리 완료!\"}", ok.payload());

    Invocation rejected = function.invoke(Files.readString(Path.of("events/order-missing-id.json")));
    assertEquals("com.example.orders.hello.InvalidOrderException", rejected.errorType());
    assertTrue(rejected.payload().startsWith("{\"errorMessage\":\"orderId is required\","
        + "\"errorType\":\"com.example.orders.hello.InvalidOrderException\",\"stackTrace\":["), rejected.payload());
  }
}
