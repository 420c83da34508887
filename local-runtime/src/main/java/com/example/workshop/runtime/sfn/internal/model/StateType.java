package com.example.workshop.runtime.sfn.internal.model;

import java.util.Arrays;
import java.util.List;

/** The eight state types of the States language, by their {@code Type} names. */
public enum StateType {
  TASK("Task"),
  WAIT("Wait"),
  PASS("Pass"),
  SUCCEED("Succeed"),
  FAIL("Fail"),
  CHOICE("Choice"),
  PARALLEL("Parallel"),
  MAP("Map");

  /** The {@code Type} values in the order AWS lists them in its error message. */
  public static final List<String> NAMES =
      Arrays.stream(values()).map(StateType::aslName).toList();

  private final String aslName;

  StateType(String aslName) {
    this.aslName = aslName;
  }

  public String aslName() {
    return aslName;
  }

  /** The type named {@code Type}, or null. */
  public static StateType of(String aslName) {
    for (StateType t : values()) {
      if (t.aslName.equals(aslName)) {
        return t;
      }
    }
    return null;
  }
}
