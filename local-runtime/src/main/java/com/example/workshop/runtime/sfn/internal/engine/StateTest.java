package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.example.workshop.runtime.sfn.internal.history.Cursor;
import com.example.workshop.runtime.sfn.internal.history.HistoryLimitReached;
import com.example.workshop.runtime.sfn.internal.model.Branch;
import com.example.workshop.runtime.sfn.internal.model.Machine;
import com.example.workshop.runtime.sfn.internal.model.State;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * TestState's run of one state: the state's executor on its own strand, with the Context object,
 * variables, retry count and mock the request gives, through the same input and output
 * processing as in an execution. A Retry decision ends the run (RETRIABLE) instead of retrying; a
 * mocked Map or Parallel returns the mock instead of running its children.
 */
public final class StateTest {
  /** Status of the tested state, as TestState reports it. */
  public enum Status { SUCCEEDED, FAILED, RETRIABLE, CAUGHT_ERROR }

  /** A mocked result, or a mocked error ({@code result} null). */
  public record Mock(JsonNode result, String error, String cause) {}

  /**
   * What the state runs with. {@code mock} null: a Task really calls its function; {@code
   * readerItems}: the items an ItemReader reads (null when the request gave none).
   */
  public record Setup(State state, JsonNode input, String inputText, ObjectNode context,
      Map<String, JsonNode> variables, int retryCount, Mock mock, Integer mapIterationFailureCount,
      JsonNode readerItems, String stateMachineName, String executionName, Random random) {}

  /**
   * The result: {@code output} when SUCCEEDED or CAUGHT_ERROR; {@code next} the state it goes to;
   * {@code stages} each stage of the processing by its inspectionData name; {@code variables}
   * after the state (the request's first, then the ones it assigned); the indexes of the Retry and Catch entries that handled the
   * error and the retry interval; what a Map evaluated for its limits.
   */
  public record Outcome(Status status, JsonNode output, String error, String cause, String next,
      Map<String, JsonNode> stages, Map<String, JsonNode> variables, Integer retryIndex,
      Integer catchIndex, Integer retryBackoffIntervalSeconds, Integer maxConcurrency,
      Integer toleratedFailureCount, Double toleratedFailurePercentage) {}

  private StateTest() {}

  public static Outcome run(EngineConfig config, Setup setup) {
    State state = setup.state();
    Branch alone = new Branch(state.name(), Map.of(state.name(), state));
    ExecutionControl control = new ExecutionControl(true);
    ExecutionRun run = new ExecutionRun(config, new Machine(alone, null), setup.input(),
        setup.inputText(), setup.stateMachineName(), setup.executionName(), null, null,
        setup.random(), 16, control, null);
    StateProbe probe = new StateProbe(setup);
    run.probe(probe);
    Variables variables = new Variables(null);
    if (!setup.variables().isEmpty()) {
      variables.assign(setup.variables());
    }
    End end = new End();
    Strand strand = new Strand(run, alone, setup.input(), variables, new Cursor(0, true), end, 0)
        .oneState();
    control.lock();
    try {
      run.scheduler().ready(strand);
      run.scheduler().run();
    } catch (StatesError e) {
      end.error = e;
    } catch (ExecutionTimedOut e) {
      end.error = new StatesError(ErrorNames.TIMEOUT, null);
    } catch (HistoryLimitReached e) {
      end.error = new StatesError(ErrorNames.RUNTIME, "The state wrote more events than a test"
          + " allows.");
    } catch (RuntimeException e) {
      end.error = new StatesError(ErrorNames.RUNTIME, "Internal error in local-runtime: " + e);
    } finally {
      control.ended();
      control.unlock();
    }
    Status status;
    if (end.error != null) {
      status = probe.decision instanceof RetryDecision.Retry ? Status.RETRIABLE : Status.FAILED;
    } else {
      status = probe.decision instanceof RetryDecision.Catch ? Status.CAUGHT_ERROR
          : Status.SUCCEEDED;
    }
    StatesError error = end.error != null ? end.error : status == Status.CAUGHT_ERROR
        ? probe.handled : null;
    Map<String, JsonNode> after = new LinkedHashMap<>(setup.variables());
    after.putAll(new TreeMap<>(variables));
    return new Outcome(status, end.error == null ? end.output : null,
        error == null ? null : error.error(), error == null ? null : error.cause(),
        end.error == null ? strand.exitedTo() : null, new LinkedHashMap<>(probe.stages),
        after, probe.retryIndex, probe.catchIndex, probe.retryBackoffSeconds,
        probe.maxConcurrency, probe.toleratedFailureCount, probe.toleratedFailurePercentage);
  }

  /** How the strand ended. */
  private static final class End implements StrandOwner {
    JsonNode output;
    StatesError error;

    @Override
    public void finished(Strand strand, JsonNode out) {
      output = out;
      strand.run().scheduler().stop();
    }

    @Override
    public void failed(Strand strand, StatesError e) {
      error = e;
      strand.run().scheduler().stop();
    }
  }
}
