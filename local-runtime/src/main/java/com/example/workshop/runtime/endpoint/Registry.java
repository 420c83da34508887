package com.example.workshop.runtime.endpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The endpoint's memory: state machines by name, Standard executions by ARN. Nothing is written to
 * disk; stopping the endpoint forgets everything. Express executions are not kept: AWS offers no
 * API to read them back either (their record is the log).
 */
final class Registry {
  final Arns arns;
  private final Map<String, StoredMachine> machines = new ConcurrentSkipListMap<>();
  private final Map<String, StoredExecution> executions = new ConcurrentHashMap<>();
  private long sequence;

  Registry(Arns arns) {
    this.arns = arns;
  }

  /**
   * Stores a new machine, or returns the stored one when CreateStateMachine is repeated with the
   * same definition, type and configurations (AWS's idempotency rule).
   */
  synchronized StoredMachine create(StoredMachine machine) {
    StoredMachine existing = machines.get(machine.name());
    if (existing == null) {
      machines.put(machine.name(), machine);
      return machine;
    }
    if (existing.sameAs(machine)) {
      return existing;
    }
    throw new ApiError("StateMachineAlreadyExists", "State Machine Already Exists: '" + existing.arn() + "'");
  }

  StoredMachine machine(String arn) {
    StoredMachine m = machines.get(Arns.name(arn, Arns.STATE_MACHINE));
    if (m == null || !m.arn().equals(arn)) {
      throw ApiError.stateMachineDoesNotExist(arn);
    }
    return m;
  }

  /** Deleting a machine that does not exist succeeds, as on AWS. */
  void delete(String arn) {
    StoredMachine m = machines.get(Arns.name(arn, Arns.STATE_MACHINE));
    if (m != null && m.arn().equals(arn)) {
      machines.remove(m.name());
    }
  }

  List<StoredMachine> machines() {
    return List.copyOf(machines.values());
  }

  /**
   * Registers a Standard execution, or returns the running one with the same name and input
   * (StartExecution is idempotent for those); any other reuse of a name is ExecutionAlreadyExists.
   */
  synchronized StoredExecution start(String arn, String name, StoredMachine machine, String input,
      Instant now, java.util.function.Consumer<StoredExecution> run) {
    StoredExecution existing = executions.get(arn);
    if (existing != null) {
      if (existing.running() && existing.input.equals(input)) {
        return existing;
      }
      throw new ApiError("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
    }
    StoredExecution e = new StoredExecution(sequence++, arn, name, machine, input, now);
    run.accept(e);
    executions.put(arn, e);
    return e;
  }

  StoredExecution execution(String arn) {
    StoredExecution e = executions.get(arn);
    if (e == null) {
      throw ApiError.executionDoesNotExist(arn);
    }
    return e;
  }

  /** Every execution that has not ended. */
  List<StoredExecution> running() {
    return executions.values().stream().filter(StoredExecution::running).toList();
  }

  /** The executions of one machine, newest first. */
  List<StoredExecution> executionsOf(String machineArn) {
    List<StoredExecution> list = new ArrayList<>();
    for (StoredExecution e : executions.values()) {
      if (e.machine.arn().equals(machineArn)) {
        list.add(e);
      }
    }
    list.sort(Comparator.comparingLong((StoredExecution e) -> e.sequence).reversed());
    return list;
  }
}
