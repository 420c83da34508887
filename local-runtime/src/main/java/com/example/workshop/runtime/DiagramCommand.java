package com.example.workshop.runtime;

import com.example.workshop.runtime.sfn.DefinitionException;
import com.example.workshop.runtime.sfn.StateMachine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code diagram}: prints the state machine as a Mermaid flowchart; {@code --markdown} wraps it in
 * a {@code ```mermaid} fence ready to paste into a README.
 */
@Command(name = "diagram", sortOptions = false,
    description = "Draw a state machine definition as a Mermaid flowchart.")
final class DiagramCommand implements Callable<Integer> {
  private final Streams io;

  @Mixin DefinitionOptions source = new DefinitionOptions();

  @Option(names = "--markdown", description = "wrap the flowchart in a ```mermaid fence")
  boolean markdown;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  DiagramCommand(Streams io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    DefinitionOptions.Source def = source.load(io, "diagram");
    StateMachine machine;
    try {
      machine = StateMachine.parse(def.text(), def.substitutions());
    } catch (DefinitionException e) {
      return ValidateCommand.reportInvalid(def, e, io.err());
    }
    String mermaid = machine.toMermaid();
    io.out().print(markdown ? "```mermaid\n" + mermaid + "```\n" : mermaid);
    return 0;
  }
}
