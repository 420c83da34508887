package com.example.orders.fulfilment;

import com.example.workshop.runtime.sam.SamTemplateCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * template.yaml against the lesson's compiled handlers and definitions: handlers exist and take
 * what their event source delivers, every ASL placeholder has its substitution, each invoked
 * function has its invoke policy, no '*' where an ARN exists, java21 / arm64 / 1024 MB as taught.
 * The rules, and a test showing each one fail, are in local-runtime (SamTemplateCheck).
 */
class TemplateChecksTest {
  @Test
  @DisplayName("template.yaml passes the offline SAM template checks")
  void templatePassesChecks() {
    SamTemplateCheck.of(Path.of("template.yaml")).assertNoFindings();
  }
}
