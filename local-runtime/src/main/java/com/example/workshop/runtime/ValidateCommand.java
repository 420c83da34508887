package com.example.workshop.runtime;

import com.example.workshop.runtime.sfn.DefinitionException;
import com.example.workshop.runtime.sfn.Diagnostic;
import com.example.workshop.runtime.sfn.StateMachine;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code validate FILE [--substitution KEY=VALUE]...}: checks a state machine definition the way
 * ValidateStateMachineDefinition does. Prints {@code FILE: valid} (exit 0) or one
 * {@code FILE:LINE: CODE: message at /pointer} line per problem (exit 2); with {@code --json},
 * one JSON object shaped like ValidateStateMachineDefinition's response instead.
 */
final class ValidateCommand {
  static final String USAGE = "usage: validate FILE [--substitution KEY=VALUE]... [--json]";

  private ValidateCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    Args a = Args.parse(args, Set.of("--substitution"), Set.of("--json", "--help"));
    if (a.has("--help")) {
      out.println(USAGE);
      return 0;
    }
    if (a.positionals().size() != 1) {
      throw new UsageException("validate takes exactly one definition FILE. " + USAGE);
    }
    String file = a.positionals().get(0);
    String text = Args.readText(file, "definition", System.in);
    Map<String, String> substitutions = a.keyValues("--substitution");
    List<Diagnostic> diagnostics = StateMachine.validate(text, substitutions);
    if (a.has("--json")) {
      out.println(json(diagnostics));
      return diagnostics.isEmpty() ? 0 : 2;
    }
    if (diagnostics.isEmpty()) {
      out.println(file + ": valid");
      return 0;
    }
    for (Diagnostic d : diagnostics) {
      out.println(format(file, d));
    }
    err.println("error: " + file + " is not a valid state machine definition ("
        + diagnostics.size() + (diagnostics.size() == 1 ? " problem)" : " problems)"));
    return 2;
  }

  /** The shape of ValidateStateMachineDefinition's answer, plus each diagnostic's line. */
  static String json(List<Diagnostic> diagnostics) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.put("result", diagnostics.isEmpty() ? "OK" : "FAIL");
    ArrayNode list = result.putArray("diagnostics");
    for (Diagnostic d : diagnostics) {
      ObjectNode o = list.addObject();
      o.put("severity", "ERROR");
      o.put("code", d.code());
      if (d.location() != null) {
        o.put("location", d.location());
      }
      o.put("message", d.message());
      o.put("line", d.line());
    }
    result.put("truncated", false);
    return result.toString();
  }

  /** {@code FILE:LINE: CODE: message at /pointer}, on one line. */
  static String format(String file, Diagnostic d) {
    String where = d.location() != null && d.location().startsWith("/") ? " at " + d.location() : "";
    return file + ":" + d.line() + ": " + d.code() + ": "
        + d.message().replace("\r", "").replace("\n", " ") + where;
  }

  /** The stderr report of a definition that failed to load: one error line, then the problems. */
  static int reportInvalid(String file, DefinitionException e, PrintStream err) {
    err.println("error: " + file + " is not a valid state machine definition ("
        + e.diagnostics().size() + (e.diagnostics().size() == 1 ? " problem):" : " problems):"));
    for (Diagnostic d : e.diagnostics()) {
      err.println("  " + format(file, d));
    }
    return 2;
  }
}
