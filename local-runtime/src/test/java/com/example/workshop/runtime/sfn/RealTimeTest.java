package com.example.workshop.runtime.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Real time runs on the same scheduler as virtual time: branches wait side by side. */
class RealTimeTest {
  @Test
  @DisplayName("in real time, two branches that each wait 1 s wait at the same time")
  void branchesWaitSideBySide() {
    StateMachine machine = StateMachine.parse("""
        {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": 1, "End": true}}},
          {"StartAt": "B", "States": {"B": {"Type": "Wait", "Seconds": 1, "End": true}}}]}}}""",
        Map.of());
    Execution ex = LocalStepFunctions.builder().realTime().build().start(machine, "{}");
    assertEquals(ExecutionStatus.SUCCEEDED, ex.status(), ex.toString());
    List<String> waits = ex.history().stream().map(HistoryEvent::type)
        .filter(t -> t.startsWith("WaitState")).toList();
    assertEquals(List.of("WaitStateEntered", "WaitStateEntered", "WaitStateExited",
        "WaitStateExited"), waits);
  }
}
