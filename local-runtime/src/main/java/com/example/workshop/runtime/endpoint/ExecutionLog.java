package com.example.workshop.runtime.endpoint;

import com.example.workshop.runtime.sfn.HistoryEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;

/**
 * What a state machine's {@code loggingConfiguration} sends to CloudWatch Logs, written as one JSON
 * line per event to the endpoint's log stream instead: {@code {"id":"4","type":"ExecutionSucceeded",
 * "details":{...},"previous_event_id":"3","event_timestamp":"...","execution_arn":"...",
 * "redrive_count":"0"}}. Level ALL logs every event, ERROR the failed, timed-out and aborted ones,
 * FATAL only the execution's own failure, OFF (the default) nothing; without
 * {@code includeExecutionData} the details leave out inputs and outputs. This is how an Express
 * execution started with StartExecution can be observed at all.
 */
final class ExecutionLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FATAL = List.of("ExecutionFailed", "ExecutionAborted", "ExecutionTimedOut");
  private final PrintStream out;

  ExecutionLog(PrintStream out) {
    this.out = out;
  }

  void ended(String executionArn, StoredMachine machine, List<HistoryEvent> history) {
    String level = machine.logLevel();
    if (level.equals("OFF") || out == null) {
      return;
    }
    StringBuilder lines = new StringBuilder();
    for (HistoryEvent e : history) {
      if (logged(level, e.type())) {
        lines.append(record(executionArn, machine.logsExecutionData(), e)).append('\n');
      }
    }
    synchronized (out) {
      out.print(lines);
      out.flush();
    }
  }

  private static boolean logged(String level, String type) {
    return switch (level) {
      case "ALL" -> true;
      case "ERROR" -> type.endsWith("Failed") || type.endsWith("TimedOut") || type.endsWith("Aborted");
      case "FATAL" -> FATAL.contains(type);
      default -> false;
    };
  }

  private static String record(String executionArn, boolean withData, HistoryEvent e) {
    ObjectNode r = Responses.object();
    r.put("id", Long.toString(e.id()));
    r.put("type", e.type());
    ObjectNode none = Responses.object();
    r.set("details", e.details() == null ? none : withData ? e.details() : Responses.withoutData(e.details()));
    r.put("previous_event_id", Long.toString(e.previousEventId()));
    r.put("event_timestamp", Long.toString(e.timestamp().toEpochMilli()));
    r.put("execution_arn", executionArn);
    r.put("redrive_count", "0");
    try {
      return JSON.writeValueAsString(r);
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
