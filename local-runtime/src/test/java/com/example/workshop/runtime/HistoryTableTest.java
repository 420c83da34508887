package com.example.workshop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.HistoryEvent;
import com.example.workshop.runtime.sfn.LambdaFunctionError;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StateMachine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** aws-run prints AWS histories with HistoryEvent.table; it must read like the offline runner's table. */
class HistoryTableTest {

  static String fixture(String name) throws IOException {
    try (InputStream in = HistoryTableTest.class.getResourceAsStream("/aws/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The fixture workflow, with a validate step that fails {@code busy} times first and a reserve step. */
  static Execution runOffline(String input, int busy, boolean outOfStock) throws IOException {
    StateMachine machine = StateMachine.parse(fixture("order-flow.asl.json"), Map.of(
        "ValidateFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:validate",
        "ReserveFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:reserve"));
    AtomicInteger calls = new AtomicInteger();
    return LocalStepFunctions.builder()
        .function("validate", event -> {
          if (calls.getAndIncrement() < busy) {
            throw new LambdaFunctionError("WarehouseBusy", "try again");
          }
          return "{\"valid\":true}";
        })
        .function("reserve", event -> {
          if (outOfStock) {
            throw new LambdaFunctionError("OutOfStock", "sku " + event);
          }
          return "{\"reserved\":" + event + "}";
        })
        .build()
        .start(machine, input);
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("the history table attributes every event to its state, from the events alone")
  @CsvSource(delimiter = '|', value = {
    "success|{\"orderId\":\"ord-1\",\"amount\":150,\"items\":[\"BOOK-1\",\"PEN-2\"]}|0|false",
    "retried|{\"orderId\":\"ord-2\",\"amount\":150,\"items\":[\"BOOK-1\"]}|2|false",
    "caught|{\"orderId\":\"ord-3\",\"amount\":150,\"items\":[\"BOOK-1\"]}|0|true",
    "default|{\"orderId\":\"ord-4\",\"amount\":5,\"items\":[]}|0|false"
  })
  void attributesEventsToStates(String name, String input, int busy, boolean outOfStock) throws IOException {
    Execution ex = runOffline(input, busy, outOfStock);
    String table = HistoryEvent.table(ex.history());
    assertEquals(ex.historyTable(), table);
    List<String> lines = table.lines().toList();
    String header = lines.get(0);
    int state = header.indexOf("state");
    int event = header.indexOf("event");
    int detail = header.indexOf("detail");
    List<String> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.strip().split("\\s+")[0] + "|" + line.substring(state, event).strip()
          + "|" + line.substring(event, Math.min(detail, line.length())).strip());
    }
    List<String> expected = new ArrayList<>();
    for (String line : fixture("../history-table/" + name + ".psv").lines().toList()) {
      if (!line.startsWith("#")) {
        expected.add(line);
      }
    }
    assertEquals(expected, rows);
  }

  @Test
  @DisplayName("an EvaluationFailed row names the state whose expression failed")
  void evaluationFailedNamesItsState() {
    StateMachine machine = StateMachine.parse("{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"Receive\","
        + " \"States\": {\"Receive\": {\"Type\": \"Pass\", \"Next\": \"Ship\"}, \"Ship\": {\"Type\": \"Pass\","
        + " \"Output\": \"{% $states.input.address %}\", \"End\": true}}}", Map.of());
    Execution ex = LocalStepFunctions.builder().build().start(machine, "{}");
    String row = ex.historyTable().lines().filter(l -> l.contains("EvaluationFailed")).findFirst()
        .orElseThrow();
    String[] columns = row.strip().split("\\s+"); // id, elapsed, state, event, detail...
    assertEquals(List.of("5", "Ship", "EvaluationFailed"),
        List.of(columns[0], columns[2], columns[3]));
  }
}
