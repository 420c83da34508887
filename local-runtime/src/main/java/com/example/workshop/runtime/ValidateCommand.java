package com.example.workshop.runtime;

import com.example.workshop.runtime.sfn.DefinitionException;
import com.example.workshop.runtime.sfn.Diagnostic;
import com.example.workshop.runtime.sfn.StateMachine;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code validate}: checks a state machine definition the way ValidateStateMachineDefinition does.
 * Prints {@code FILE: valid} (exit 0) or one {@code FILE:LINE: CODE: message at /pointer} line per
 * problem (exit 2); with {@code --json}, one JSON object shaped like ValidateStateMachineDefinition's
 * response instead.
 */
@Command(name = "validate", sortOptions = false,
    description = "Check a state machine definition as AWS's ValidateStateMachineDefinition does.",
    footer = {"", "stdout: FILE: valid, or one FILE:LINE: CODE: message line per problem",
        "exit:   0 valid, 2 invalid or bad arguments"})
final class ValidateCommand implements Callable<Integer> {
  private final Streams io;

  @Mixin DefinitionOptions source = new DefinitionOptions();

  @Option(names = "--json", description = "print ValidateStateMachineDefinition's answer as JSON")
  boolean json;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  ValidateCommand(Streams io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    DefinitionOptions.Source def = source.load(io, "validate");
    List<Diagnostic> diagnostics = StateMachine.validate(def.text(), def.substitutions());
    PrintStream out = io.out();
    if (json) {
      out.println(json(diagnostics));
      return diagnostics.isEmpty() ? 0 : 2;
    }
    if (diagnostics.isEmpty()) {
      out.println(def.name() + ": valid");
      return 0;
    }
    StateNames names = StateNames.of(def.text());
    for (Diagnostic d : diagnostics) {
      out.println(format(def, d, names));
    }
    io.err().println("error: " + def.name() + " is not a valid state machine definition ("
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

  /** {@code FILE:LINE: CODE: message at /pointer}, on one line, with a suggestion for a mistyped state name. */
  static String format(DefinitionOptions.Source def, Diagnostic d, StateNames names) {
    String where = d.location() != null && d.location().startsWith("/") ? " at " + d.location() : "";
    return def.name() + ":" + def.line(d) + ": " + d.code() + ": "
        + d.message().replace("\r", "").replace("\n", " ") + where + names.suggestion(d);
  }

  /** The stderr report of a definition that failed to load: one error line, then the problems. */
  static int reportInvalid(DefinitionOptions.Source def, DefinitionException e, PrintStream err) {
    err.println("error: " + def.name() + " is not a valid state machine definition ("
        + e.diagnostics().size() + (e.diagnostics().size() == 1 ? " problem):" : " problems):"));
    StateNames names = StateNames.of(def.text());
    for (Diagnostic d : e.diagnostics()) {
      err.println("  " + format(def, d, names));
    }
    return 2;
  }
}
