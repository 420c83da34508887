package com.example.orders.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.orders.fulfilment.classroom.ClassroomFaults;
import com.example.orders.fulfilment.classroom.ClassroomFaults.ReserveRequest;
import com.example.orders.fulfilment.classroom.ClassroomFaults.SimulatingOrder;
import com.example.workshop.runtime.sam.SamApplication;
import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classroom's failures live in a wrapper (package classroom) that the workshop's stack switches
 * on, never in the handlers a team copies: the wrapper acts each failure out through the real
 * handler, and a stack without it ignores the samples' simulate lists.
 */
class ClassroomFaultsTest {

  private static final ClassroomFaults CLASSROOM = new ClassroomFaults();

  private static SimulatingOrder order(String... simulate) {
    return new SimulatingOrder("ord-1", "cust-42", List.of(new OrderItem("BOOK-42", 2, new BigDecimal("12.50"))),
        new Address("Mina Park", "Berlin", "DE"), List.of(simulate));
  }

  @Test
  @DisplayName("warehouse-flaky: attempts 0 and 1 get no answer, attempt 2 reserves")
  void flakyWarehouse() {
    SimulatingOrder o = order("warehouse-flaky");
    assertThrows(WarehouseUnavailableException.class, () -> CLASSROOM.reserveInventory(new ReserveRequest(o, 0), null));
    assertThrows(WarehouseUnavailableException.class, () -> CLASSROOM.reserveInventory(new ReserveRequest(o, 1), null));
    assertEquals("res-ord-1", CLASSROOM.reserveInventory(new ReserveRequest(o, 2), null).reservationId());
  }

  @Test
  @DisplayName("each business fault comes out of the lesson's handler as its own exception, with the handler's message")
  void businessFaults() {
    var outOfStock = assertThrows(OutOfStockException.class,
        () -> CLASSROOM.reserveInventory(new ReserveRequest(order("out-of-stock"), 0), null));
    assertEquals("SKU BOOK-42 is out of stock in warehouse FRA-1", outOfStock.getMessage());
    assertThrows(WarehouseUnavailableException.class,
        () -> CLASSROOM.reserveInventory(new ReserveRequest(order("warehouse-down"), 9), null));
    var declined = assertThrows(ChargePayment.PaymentDeclinedException.class,
        () -> CLASSROOM.chargePayment(order("payment-declined"), null));
    assertEquals("Card of customer cust-42 was declined for 25.00 EUR (insufficient funds)", declined.getMessage());
    var rejected = assertThrows(ShipOrder.AddressRejectedException.class,
        () -> CLASSROOM.shipOrder(order("address-rejected"), null));
    assertEquals("The carrier cannot deliver to Berlin, DE: address unknown", rejected.getMessage());
  }

  @Test
  @DisplayName("without simulate, the wrapper answers exactly as the lesson's handlers do")
  void noFaultsIsTheRealHandler() {
    Order plain = new Order("ord-1", "cust-42", order().items(), order().shipTo());
    assertEquals(new ReserveInventory().handleRequest(new ReserveInventory.Request(plain, 1), null),
        CLASSROOM.reserveInventory(new ReserveRequest(order(), 1), null));
    assertEquals(new ChargePayment().handleRequest(plain, null), CLASSROOM.chargePayment(order(), null));
    assertEquals(new ShipOrder().handleRequest(plain, null), CLASSROOM.shipOrder(order(), null));
  }

  @Test
  @DisplayName("a misspelt fault is an error listing the faults there are, not a silent happy path")
  void unknownFault() {
    var e = assertThrows(IllegalArgumentException.class, () -> CLASSROOM.shipOrder(order("adress-rejected"), null));
    assertEquals("simulate names an unknown fault 'adress-rejected'; the faults are out-of-stock, warehouse-flaky,"
        + " warehouse-down, lambda-throttled, payment-declined, payment-slow, address-rejected", e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"order-out-of-stock.json", "order-warehouse-down.json", "order-payment-declined.json",
    "order-address-rejected.json", "order-flaky-warehouse-declined-card.json"})
  @DisplayName("a stack deployed without ClassroomFaults (the template's default) ignores simulate: every sample order completes")
  void ownStackIgnoresSimulate(String sample) throws Exception {
    SamApplication ownStack = SamApplication.load(Path.of("template.yaml"));
    assertEquals("com.example.orders.fulfilment.ChargePayment::handleRequest",
        ownStack.handlers().get("ChargePaymentFunction"));
    Execution run = ownStack.stepFunctions().mockConfig(OrderFulfilment.mockConfig(Path.of("."))).build()
        .start(ownStack.stateMachine(), Files.readString(Path.of("events", sample)), OrderFulfilment.PAYMENT_CONFIRMED);
    assertEquals(ExecutionStatus.SUCCEEDED, run.status(), run.historyTable());
  }

  @Test
  @DisplayName("the handlers a team copies (package com.example.orders.fulfilment) never mention the classroom or simulate")
  void handlersCarryNoClassroomSwitch() throws IOException {
    List<String> found = new ArrayList<>();
    Path handlers = Path.of("src/main/java", Order.class.getPackageName().replace('.', '/'));
    try (Stream<Path> files = Files.list(handlers)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).toLowerCase(java.util.Locale.ROOT);
          if (line.contains("classroom") || line.contains("simulat")) {
            found.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertTrue(found.isEmpty(), "classroom code in the business handlers:\n" + String.join("\n", found));
  }
}
