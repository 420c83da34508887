package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/** Succeed: ends its scope successfully with (InputPath, OutputPath)-filtered input. */
final class SucceedState extends State {
  SucceedState(String name, JsonNode node, boolean machineJsonata) {
    super(name, node, machineJsonata);
  }
}
