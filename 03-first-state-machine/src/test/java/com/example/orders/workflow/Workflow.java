package com.example.orders.workflow;

import com.example.workshop.runtime.sfn.StateMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lesson's workflow in its two query languages. JSONPath is the file template.yaml deploys;
 * JSONata is its twin, loaded with the same substitutions. The tests run on both.
 */
enum Workflow {
  JSONPATH("statemachine/order-workflow.asl.json"),
  JSONATA("statemachine/order-workflow-jsonata.asl.json");

  final Path file;

  Workflow(String file) {
    this.file = Path.of(file);
  }

  /** The definition, its ${...FunctionArn} placeholders resolved from template.yaml. */
  StateMachine machine() {
    return this == JSONPATH ? OrderWorkflowTest.APP.stateMachine()
        : StateMachine.load(file, OrderWorkflowTest.APP.substitutions());
  }

  /** The same definition with the Map's MaxConcurrency set to {@code limit} (it is 2 in the file). */
  StateMachine withMaxConcurrency(int limit) {
    try {
      String text = Files.readString(file);
      String setting = "\"MaxConcurrency\": 2";
      if (text.indexOf(setting) < 0 || text.indexOf(setting) != text.lastIndexOf(setting)) {
        throw new IllegalStateException(file + " must set " + setting + " exactly once");
      }
      return StateMachine.parse(text.replace(setting, "\"MaxConcurrency\": " + limit),
          OrderWorkflowTest.APP.substitutions());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return this == JSONPATH ? "JSONPath" : "JSONata";
  }
}
