package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.StatesError;
import com.fasterxml.jackson.databind.JsonNode;

/** Who a strand reports its end to: the execution (top level) or a Parallel or Map state. */
interface StrandOwner {
  void finished(Strand strand, JsonNode output);

  void failed(Strand strand, StatesError error);
}
