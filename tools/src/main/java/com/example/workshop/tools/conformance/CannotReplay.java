package com.example.workshop.tools.conformance;

/** A recorded case needs something this harness cannot reproduce: it is skipped, with the reason. */
final class CannotReplay extends RuntimeException {
  CannotReplay(String reason) {
    super(reason, null, false, false);
  }
}
