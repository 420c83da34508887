package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Parallel: every branch gets the effective input; the result is the array of branch outputs. */
final class ParallelState extends State {
  final List<Branch> branches;
  final PayloadTemplate parameters;
  final ErrorHandling handling;

  ParallelState(String name, JsonNode node) {
    super(name, node);
    List<Branch> list = new ArrayList<>();
    node.path("Branches").forEach(b -> list.add(new Branch(b)));
    this.branches = List.copyOf(list);
    this.parameters = PayloadTemplate.compile(node.get("Parameters"));
    this.handling = new ErrorHandling(node);
  }
}
