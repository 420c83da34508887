package com.example.workshop.runtime;

import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.ExecutionHandle;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.PendingTask;
import com.example.workshop.runtime.sfn.StepFunctionsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * {@code --task-success STATE=FILE} and {@code --task-failure STATE=ERROR[:CAUSE]}: the answer
 * every task token issued at STATE gets, sent once its TaskSubmitted is written. Tokens of other
 * states stay unanswered: their timers end them, or the run is reported RUNNING with them.
 */
final class TaskAnswers {
  /** SendTaskSuccess's output constraint, as AWS states it. */
  static final InputText.Limit OUTPUT_LIMIT = new InputText.Limit(262_144, "SendTaskSuccess"
      + " rejects it: ValidationException: 1 validation error detected: Value at 'output' failed"
      + " to satisfy constraint: Member must have length less than or equal to 262144");
  private static final ObjectMapper JSON = new ObjectMapper();

  private sealed interface Answer {
    record Success(String output) implements Answer {}

    record Failure(String error, String cause) implements Answer {}
  }

  @Option(names = "--task-success", paramLabel = "STATE=FILE",
      description = "answer each task token issued at STATE with SendTaskSuccess, FILE's JSON as output")
  List<String> successes = new ArrayList<>();

  @Option(names = "--task-failure", paramLabel = "STATE=ERROR[:CAUSE]",
      description = "answer each task token issued at STATE with SendTaskFailure")
  List<String> failures = new ArrayList<>();

  private final Map<String, Answer> byState = new LinkedHashMap<>();

  /**
   * Reads the options against the definition's {@code states}; a state it does not have, a state
   * answered twice, a file that is not one JSON value: a usage error naming the option.
   */
  void read(Set<String> states, Streams io) {
    byState.clear();
    for (String option : successes) {
      String[] kv = split("--task-success", option, "STATE=FILE", states);
      String output = InputText.read(kv[1], "--task-success " + kv[0], io.in(), OUTPUT_LIMIT);
      checkJson(option, output);
      put(kv[0], new Answer.Success(output));
    }
    for (String option : failures) {
      String[] kv = split("--task-failure", option, "STATE=ERROR[:CAUSE]", states);
      int colon = kv[1].indexOf(':');
      String error = colon < 0 ? kv[1] : kv[1].substring(0, colon);
      String cause = colon < 0 ? null : kv[1].substring(colon + 1);
      if (error.length() > 256 || cause != null && cause.length() > 32_768) {
        throw new UsageException("--task-failure " + kv[0] + ": SendTaskFailure takes an error of"
            + " at most 256 and a cause of at most 32768 characters");
      }
      put(kv[0], new Answer.Failure(error.isEmpty() ? null : error, cause));
    }
  }

  private static String[] split(String name, String option, String form, Set<String> states) {
    int eq = option.indexOf('=');
    if (eq <= 0) {
      throw new UsageException(name + " takes " + form + ", got '" + option + "'");
    }
    String state = option.substring(0, eq);
    if (!states.contains(state)) {
      throw new UsageException(name + " " + state + ": the definition has no state '" + state + "'"
          + Suggestions.didYouMean(state, states));
    }
    return new String[] {state, option.substring(eq + 1)};
  }

  private static void checkJson(String option, String output) {
    try (var parser = JSON.createParser(output)) {
      JSON.readTree(parser);
      if (parser.nextToken() != null) {
        throw new UsageException("--task-success " + option + ": the file holds more than one"
            + " JSON value; SendTaskSuccess takes one");
      }
    } catch (JsonProcessingException e) {
      throw new UsageException("--task-success " + option + ": not JSON (SendTaskSuccess would"
          + " answer InvalidOutput): " + RunCommand.oneLine(e.getOriginalMessage()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void put(String state, Answer answer) {
    if (byState.putIfAbsent(state, answer) != null) {
      throw new UsageException("state " + state + " is answered twice; give one --task-success or"
          + " --task-failure per state");
    }
  }

  /**
   * Answers every token of an answered state as it is issued, until the execution ends or waits
   * only for tokens no option answers; returns it then (RUNNING in the second case).
   */
  Execution drive(LocalStepFunctions sfn, ExecutionHandle run) {
    String[] states = byState.keySet().toArray(String[]::new);
    if (states.length > 0) {
      for (Optional<PendingTask> t = run.awaitTask(states); t.isPresent();
          t = run.awaitTask(states)) {
        answer(sfn, t.get());
      }
    }
    return run.awaitSettled();
  }

  private void answer(LocalStepFunctions sfn, PendingTask task) {
    Answer answer = byState.get(task.stateName());
    try {
      if (answer instanceof Answer.Success s) {
        sfn.sendTaskSuccess(task.taskToken(), s.output());
      } else {
        Answer.Failure f = (Answer.Failure) answer;
        sfn.sendTaskFailure(task.taskToken(), f.error(), f.cause());
      }
    } catch (StepFunctionsException e) {
      if (!e.errorCode().equals("TaskTimedOut")) {
        throw e;
      }
      // in real time the task's timer can fire first; then the answer comes too late, as on AWS
    }
  }
}
