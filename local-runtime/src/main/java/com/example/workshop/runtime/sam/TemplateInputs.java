package com.example.workshop.runtime.sam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A template's Parameters and Conditions as CloudFormation evaluates them at deploy time: a
 * parameter's value is the one given (sam deploy --parameter-overrides) or its Default; a condition
 * is Fn::Equals, Fn::Not, Fn::And, Fn::Or or another Condition over them. Immutable.
 */
final class TemplateInputs {
  /** Resolves a value (a literal, !Ref, ...) to text; {@code path} names it in errors. */
  interface Resolver {
    String resolve(JsonNode value, String path);
  }

  /** Builds the error for a template field: {@code path}, what is wrong and how to fix it. */
  interface Errors {
    IllegalArgumentException at(String path, String message);
  }

  private final JsonNode root;
  private final Map<String, String> given;

  TemplateInputs(JsonNode root, Map<String, String> given) {
    this.root = root;
    this.given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
  }

  /** These inputs with parameter {@code name} set to {@code value}; an error when it is not declared or not allowed. */
  TemplateInputs with(String name, String value, String file) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    JsonNode declared = root.path("Parameters").path(name);
    if (!declared.isObject()) {
      List<String> names = new ArrayList<>();
      root.path("Parameters").fieldNames().forEachRemaining(names::add);
      throw new IllegalArgumentException(file + " declares no parameter " + name
          + (names.isEmpty() ? " (it has no Parameters section)" : "; its parameters: " + String.join(", ", names)));
    }
    JsonNode allowed = declared.path("AllowedValues");
    if (allowed.isArray() && !allowed.isEmpty()) {
      List<String> values = new ArrayList<>();
      allowed.forEach(a -> values.add(a.asText()));
      if (!values.contains(value)) {
        throw new IllegalArgumentException(file + ": parameter " + name + " must be one of " + values + ", got '"
            + value + "'");
      }
    }
    Map<String, String> next = new LinkedHashMap<>(given);
    next.put(name, value);
    return new TemplateInputs(root, next);
  }

  /** Whether the template declares parameter {@code name}. */
  boolean declares(String name) {
    return root.path("Parameters").path(name).isObject();
  }

  /** The value of a declared parameter: the one given, else its Default. */
  String parameter(String name, String path, Errors errors) {
    String value = given.get(name);
    if (value != null) {
      return value;
    }
    JsonNode fallback = root.path("Parameters").path(name).path("Default");
    if (fallback.isValueNode() && !fallback.isNull()) {
      return fallback.asText();
    }
    throw errors.at(path, "parameter " + name + " has no Default: give its value"
        + " (SamApplication.withParameter, or run --parameter " + name + "=VALUE)");
  }

  /** The branch of {@code Fn::If [condition, whenTrue, whenFalse]} that applies. */
  JsonNode choose(JsonNode fnIf, String path, Resolver resolver, Errors errors) {
    if (!fnIf.isArray() || fnIf.size() != 3 || !fnIf.get(0).isTextual()) {
      throw errors.at(path, "!If takes three values: [ConditionName, value if true, value if false]");
    }
    return condition(fnIf.get(0).asText(), path, resolver, errors, new HashSet<>()) ? fnIf.get(1) : fnIf.get(2);
  }

  private boolean condition(String name, String path, Resolver resolver, Errors errors, Set<String> seen) {
    JsonNode c = root.path("Conditions").path(name);
    if (c.isMissingNode()) {
      List<String> names = new ArrayList<>();
      root.path("Conditions").fieldNames().forEachRemaining(names::add);
      throw errors.at(path, "condition " + name + " is not declared under Conditions"
          + (names.isEmpty() ? "" : " (its conditions: " + String.join(", ", names) + ")"));
    }
    if (!seen.add(name)) {
      throw errors.at("Conditions." + name, "condition " + name + " refers to itself");
    }
    return evaluate(c, "Conditions." + name, resolver, errors, seen);
  }

  private boolean evaluate(JsonNode c, String path, Resolver resolver, Errors errors, Set<String> seen) {
    if (c.isObject() && c.size() == 1) {
      String fn = c.fieldNames().next();
      JsonNode args = c.get(fn);
      switch (fn) {
        case "Fn::Equals" -> {
          if (args.isArray() && args.size() == 2) {
            return resolver.resolve(args.get(0), path).equals(resolver.resolve(args.get(1), path));
          }
        }
        case "Fn::Not" -> {
          if (args.isArray() && args.size() == 1) {
            return !evaluate(args.get(0), path, resolver, errors, seen);
          }
        }
        case "Fn::And", "Fn::Or" -> {
          if (args.isArray() && args.size() >= 2) {
            boolean and = fn.equals("Fn::And");
            for (JsonNode a : args) {
              if (evaluate(a, path, resolver, errors, new HashSet<>(seen)) != and) {
                return !and;
              }
            }
            return and;
          }
        }
        case "Condition" -> {
          if (args.isTextual()) {
            return condition(args.asText(), path, resolver, errors, seen);
          }
        }
        default -> { }
      }
    }
    throw errors.at(path, "cannot evaluate " + c + " offline: use !Equals [a, b], !Not [c], !And [...], !Or [...]"
        + " or {Condition: Name}");
  }
}
