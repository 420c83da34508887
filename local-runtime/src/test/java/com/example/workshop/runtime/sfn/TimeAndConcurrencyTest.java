package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Time and concurrency in virtual time (engine/time-and-concurrency.json): Parallel branches and
 * Map iterations run side by side, MaxConcurrency, a failing branch or iteration stopping the
 * others, timeouts. Each case names the AWS source of the rule it checks. Events are written
 * {@code "<seconds> <type> [<state>]"}; {@code events} is the whole history, {@code includes} an
 * ordered part of it. Every case runs twice and must give the same history (the same events, for
 * cases with Java {@code handlers}, whose measured durations vary).
 */
class TimeAndConcurrencyTest {
  static Stream<Arguments> cases() {
    return GoldenFiles.cases("engine/time-and-concurrency.json");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void runsLikeAws(JsonNode c) {
    assertFalse(c.path("source").asText().isBlank(), "every case names its AWS source");
    Execution ex = run(c);
    JsonNode expected = c.get("expected");
    assertEquals(expected.path("status").asText(), ex.status().name(), ex.toString());
    if (expected.has("error")) {
      assertEquals(expected.get("error").asText(), ex.error(), ex.toString());
    }
    if (expected.has("output")) {
      assertEquals(expected.get("output"), GoldenFiles.json(ex.output()));
    }
    List<String> events = events(ex);
    if (expected.has("seconds")) {
      String last = events.get(events.size() - 1);
      assertEquals(expected.get("seconds").asLong(), Long.parseLong(last.split(" ")[0]), last);
    }
    if (c.has("events")) {
      assertEquals(strings(c.get("events")), events);
    }
    if (c.has("includes")) {
      List<String> want = strings(c.get("includes"));
      int at = 0;
      for (String e : events) {
        if (at < want.size() && e.equals(want.get(at))) {
          at++;
        }
      }
      assertTrue(at == want.size(), "missing '" + (at < want.size() ? want.get(at) : "")
          + "' (in this order: " + want + ") in " + events);
    }
    Execution again = run(c);
    if (c.has("handlers")) {
      assertEquals(EngineTestSupport.types(ex), EngineTestSupport.types(again));
    } else {
      assertEquals(ex.historyJson(), again.historyJson(), "same input and seed, same history");
    }
  }

  private static Execution run(JsonNode c) {
    LocalStepFunctions.Builder engine = EngineTestSupport.engine();
    for (Iterator<Map.Entry<String, JsonNode>> it = c.path("functions").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode spec = f.getValue();
      engine.function(f.getKey(), event -> {
        if (spec.has("sleepMillis")) {
          try {
            Thread.sleep(spec.path("sleepMillis").asLong());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        if (spec.has("throws")) {
          throw new LambdaFunctionError(spec.path("throws").path("error").asText(),
              spec.path("throws").path("message").asText());
        }
        return spec.path("returns").toString();
      });
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = c.path("handlers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> h = it.next();
      engine.function(h.getKey(), h.getValue().asText());
    }
    return engine.build().start(StateMachine.parse(c.get("definition").toString(), Map.of()),
        c.has("input") ? c.get("input").toString() : "{}");
  }

  /** {@code "<seconds since start> <type> [<state name> | <map>#<index>]"} per event. */
  static List<String> events(Execution ex) {
    List<String> out = new ArrayList<>();
    for (HistoryEvent e : ex.history()) {
      long seconds = e.timestamp().getEpochSecond() - EngineTestSupport.T0.getEpochSecond();
      JsonNode d = e.details();
      String what = "";
      if (d != null && d.has("index")) {
        what = " " + d.path("name").asText() + "#" + d.path("index").asText();
      } else if (d != null && d.has("name")) {
        what = " " + d.path("name").asText();
      }
      out.add(seconds + " " + e.type() + what);
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
