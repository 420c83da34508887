package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.history.RecordedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What an execution is at one moment, immutable: running (a snapshot) or ended. {@code stopMillis}
 * and {@code output}/{@code error}/{@code cause} are null while it runs; {@code resume} says where
 * a redrive would continue (null unless it ended FAILED, TIMED_OUT or ABORTED); {@code
 * mockInvocations} counts each mocked state's invocations so far, so that a redrive goes on
 * counting (in {@code testCase}, the mock file's test case, or null); {@code pending} are the
 * tasks whose token is out.
 */
public record RunRecord(String stateMachineName, String executionName, String executionArn,
    String stateMachineArn, String testCase, RunStatus status, JsonNode output, String error, String cause,
    String inputText, long startMillis, Long stopMillis, int redriveCount, Long redriveMillis,
    List<RecordedEvent> events, List<String> visited, List<String> failed, List<String> retried,
    Resume resume, Map<String, Integer> mockInvocations, List<PendingTask> pending) {

  /** A task waiting for its token. */
  public record PendingTask(String stateName, String taskToken) {}

  public RunRecord {
    mockInvocations = Map.copyOf(mockInvocations);
    pending = List.copyOf(pending);
  }
}
