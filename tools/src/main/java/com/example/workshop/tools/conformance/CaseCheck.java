package com.example.workshop.tools.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/** Replays one kind of recorded case and compares the result with the recording. */
interface CaseCheck {
  /** Null when the case matches its recording, else what differs (one line). */
  String check(VectorFile file, JsonNode testCase);
}
