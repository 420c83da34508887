package com.example.workshop.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** TEMPORARY stand-in until the asl branch lands (replaced at merge). */
public final class StateMachine {
  private final JsonNode definition;
  private final Map<String, String> substitutions;
  private volatile CompiledMachine compiled;

  private StateMachine(JsonNode definition, Map<String, String> substitutions) {
    this.definition = definition;
    this.substitutions = substitutions;
  }

  public static StateMachine load(Path file) {
    return load(file, Map.of());
  }

  public static StateMachine load(Path file, Map<String, String> substitutions) {
    try {
      return parse(Files.readString(file), substitutions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static StateMachine parse(String json, Map<String, String> substitutions) {
    String text = json;
    for (Map.Entry<String, String> e : substitutions.entrySet()) {
      text = text.replace("${" + e.getKey() + "}", e.getValue());
    }
    return new StateMachine(Json.parse(text), Map.copyOf(substitutions));
  }

  JsonNode definition() {
    return definition;
  }

  Map<String, String> substitutions() {
    return substitutions;
  }

  CompiledMachine compiled() {
    CompiledMachine c = compiled;
    if (c == null) {
      c = new CompiledMachine(definition);
      compiled = c;
    }
    return c;
  }
}
