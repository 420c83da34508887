package com.example.workshop.runtime.endpoint;

import com.example.workshop.runtime.sfn.HistoryEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** GetExecutionHistory: pages of events, oldest first or ({@code reverseOrder}) newest first. */
final class HistoryOperation {
  private final Registry registry;

  HistoryOperation(Registry registry) {
    this.registry = registry;
  }

  ObjectNode history(Request r) {
    String arn = r.text("executionArn", true, 1, 256);
    Integer max = r.integer("maxResults", 0, 1000);
    boolean reverse = r.flag("reverseOrder", false);
    String token = r.text("nextToken", false, 1, 1024);
    boolean data = r.flag("includeExecutionData", true);
    r.check();
    Arns.requireExecution(arn);
    List<HistoryEvent> events = new ArrayList<>(registry.execution(arn).history());
    if (reverse) {
      Collections.reverse(events);
    }
    Pages.Page<HistoryEvent> page = Pages.of(events,
        e -> Pages.numberKey(reverse ? Long.MAX_VALUE - e.id() : e.id()),
        "GetExecutionHistory:" + arn + (reverse ? ":reverse" : ""), token, max);
    ObjectNode out = Responses.object();
    ArrayNode list = out.putArray("events");
    for (HistoryEvent e : page.items()) {
      list.add(Responses.event(e, data));
    }
    if (page.nextToken() != null) {
      out.put("nextToken", page.nextToken());
    }
    return out;
  }
}
