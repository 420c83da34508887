package com.example.workshop.runtime;

import com.example.workshop.runtime.sfn.DefinitionException;
import com.example.workshop.runtime.sfn.StateMachine;
import java.io.PrintStream;
import java.util.Set;

/**
 * {@code diagram --definition FILE [--substitution KEY=VALUE]... [--markdown]}: prints the state
 * machine as a Mermaid flowchart; {@code --markdown} wraps it in a {@code ```mermaid} fence ready
 * to paste into a README.
 */
final class DiagramCommand {
  static final String USAGE =
      "usage: diagram --definition FILE [--substitution KEY=VALUE]... [--markdown]";

  private DiagramCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    Args a = Args.parse(args, Set.of("--definition", "--substitution"), Set.of("--markdown", "--help"));
    if (a.has("--help")) {
      out.println(USAGE);
      return 0;
    }
    if (!a.positionals().isEmpty()) {
      throw new UsageException("unexpected argument '" + a.positionals().get(0) + "'. " + USAGE);
    }
    String file = a.require("--definition");
    String text = Args.readText(file, "definition", System.in);
    StateMachine machine;
    try {
      machine = StateMachine.parse(text, a.keyValues("--substitution"));
    } catch (DefinitionException e) {
      return ValidateCommand.reportInvalid(file, e, err);
    }
    String mermaid = machine.toMermaid();
    if (a.has("--markdown")) {
      out.print("```mermaid\n" + mermaid + "```\n");
    } else {
      out.print(mermaid);
    }
    return 0;
  }
}
