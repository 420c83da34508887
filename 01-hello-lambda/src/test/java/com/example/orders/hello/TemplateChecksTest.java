package com.example.orders.hello;

import com.example.workshop.runtime.sam.SamTemplateCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * template.yaml against the lesson's compiled handlers: each Handler exists and takes what its
 * event source delivers, no '*' where an ARN exists, java21 / arm64 as taught. Lesson 01 teaches
 * 512 MB (its README compares the cost of memory sizes from there); the later lessons use 1024.
 * The rules, and a test showing each one fail, are in local-runtime (SamTemplateCheck).
 */
class TemplateChecksTest {
  @Test
  @DisplayName("template.yaml passes the offline SAM template checks")
  void templatePassesChecks() {
    SamTemplateCheck.of(Path.of("template.yaml")).withMemorySize(512).assertNoFindings();
  }
}
