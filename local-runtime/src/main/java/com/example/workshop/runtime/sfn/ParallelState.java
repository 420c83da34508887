package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Parallel: every branch gets the effective input; the result is the array of branch outputs. */
final class ParallelState extends State {
  final List<Branch> branches;
  final PayloadTemplate parameters;
  final ErrorHandling handling;
  /** JSONata Arguments: the input of every branch. */
  final JsonataTemplate arguments;

  ParallelState(String name, JsonNode node, boolean machineJsonata) {
    super(name, node, machineJsonata);
    List<Branch> list = new ArrayList<>();
    node.path("Branches").forEach(b -> list.add(new Branch(b, machineJsonata)));
    this.branches = List.copyOf(list);
    this.parameters = PayloadTemplate.compile(node.get("Parameters"));
    this.handling = new ErrorHandling(node, jsonata);
    this.arguments = jsonata ? JsonataTemplate.compile("Arguments", node.get("Arguments")) : null;
  }
}
