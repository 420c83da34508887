package com.example.workshop.runtime;

import com.example.workshop.runtime.sam.SamApplication;
import com.example.workshop.runtime.sfn.DefinitionException;
import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StateMachine;
import com.example.workshop.runtime.sfn.StepFunctionsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code redrive --execution FILE}: RedriveExecution on an execution {@code run --save} wrote. It
 * continues from the states that did not succeed, with the saved definition, input and ARN, and
 * prints as {@code run} does. Exit 2 when AWS would refuse it (ExecutionNotRedrivable).
 */
@Command(name = "redrive", sortOptions = false,
    description = "Redrive a FAILED, TIMED_OUT or ABORTED execution saved by run --save.",
    footer = {"", "Only the states that did not succeed run again (in Map and Parallel, only the failed",
        "iterations and branches), with the saved definition, input and ARN; bind the functions and",
        "mocks as for run (with --template, its functions as built now: redrive after a fix).",
        "exit: 0 the execution ended (whatever its status) or waits only for unanswered task tokens (RUNNING),",
        "2 not redrivable (AWS's reason on stderr), invalid file or arguments"})
final class RedriveCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Streams io;

  @Option(names = "--execution", paramLabel = "FILE", required = true,
      description = "the execution saved by run --save (or by an earlier redrive --save)")
  String execution;

  @Mixin ResultOptions result = new ResultOptions();

  @Mixin TemplateOptions template = new TemplateOptions();

  @Mixin BindingOptions bindings = new BindingOptions();

  @Mixin TaskAnswers answers = new TaskAnswers();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  RedriveCommand(Streams io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Execution ended;
    try {
      ended = Execution.load(InputText.path(execution, "--execution"));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--execution " + RunCommand.oneLine(e.getMessage()));
    }
    String notRedrivable = ended.redriveStatusReason();
    if (notRedrivable != null) { // before the bindings are read: a template not built yet must not hide it
      throw new UsageException(new StepFunctionsException("ExecutionNotRedrivable", notRedrivable).toString());
    }
    answers.read(StateNames.of(ended.stateMachine().definitionJson()).all(), io);
    // arn:aws:states:REGION:ACCOUNT:execution:MACHINE:NAME, kept by the redrive
    String[] arn = ended.executionArn().split(":");
    bindings.region = kept("--region", bindings.region, arn[3]);
    bindings.account = kept("--account", bindings.account, arn[4]);
    SamApplication app = null;
    String id = null;
    if (template.given()) {
      app = template.load(bindings::apply);
      id = template.stateMachineId(app, arn[6]);
    } else {
      template.checkUnused();
    }
    LocalStepFunctions.Builder b = bindings.builder(app, template.file, id == null ? List.of() : List.of(id));
    if (bindings.mockConfig != null) {
      bindings.mockConfig(b, InputText.path(bindings.mockConfig, "mock config"));
    }
    LocalStepFunctions sfn;
    try {
      sfn = b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(RunCommand.oneLine(e.getMessage()));
    }
    bindings.checkHandlers(sfn.handlerProblems(), io);
    if (app != null && !sameDefinition(app, id, ended)) {
      io.err().println("hint: " + template.file + ": the definition of " + id + " is not the saved execution's;"
          + " a redrive runs the definition the execution started with, as on AWS (try the new one with run)");
    }
    Execution ex;
    try {
      ex = answers.drive(sfn, sfn.redriveExecution(ended));
    } catch (StepFunctionsException e) {
      throw new UsageException(e.toString());
    } catch (IllegalArgumentException e) {
      throw new UsageException(RunCommand.oneLine(e.getMessage()));
    }
    result.report(ex, io.out());
    return 0;
  }

  /** A redrive keeps the execution's ARN: --region and --account may only repeat its own. */
  private static String kept(String option, String given, String saved) {
    if (given != null && !given.equals(saved)) {
      throw new UsageException(option + " " + given + ": the saved execution's ARN has " + saved
          + ", and a redrive keeps its ARN; leave " + option + " out");
    }
    return saved;
  }

  /** The template's definition of {@code id}, substitutions resolved, is the one the execution ran. */
  private static boolean sameDefinition(SamApplication app, String id, Execution ended) {
    try {
      StateMachine now = app.stateMachine(id);
      return JSON.readTree(now.definitionJson()).equals(JSON.readTree(ended.stateMachine().definitionJson()));
    } catch (DefinitionException | JsonProcessingException | IllegalArgumentException e) {
      return false; // a definition that does not even compile now is not the one that ran
    }
  }
}
