package com.example.workshop.runtime;

import com.example.workshop.runtime.lambda.Isolation;
import com.example.workshop.runtime.sfn.Execution;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StepFunctionsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        "iterations and branches); bind the functions and mocks as for run.",
        "exit: 0 the execution ended (whatever its status) or waits only for unanswered task tokens (RUNNING),",
        "2 not redrivable (AWS's reason on stderr), invalid file or arguments"})
final class RedriveCommand implements Callable<Integer> {
  private final Streams io;

  @Option(names = "--execution", paramLabel = "FILE", required = true,
      description = "the execution saved by run --save (or by an earlier redrive --save)")
  String execution;

  @Mixin ResultOptions result = new ResultOptions();

  @Option(names = "--clock", paramLabel = "virtual|real",
      description = "virtual (default): Wait and Retry take no real time; real: they do")
  String clock;

  @Option(names = "--mock-config", paramLabel = "FILE",
      description = "the mock file (the saved execution names its test case; invocations go on counting)")
  String mockConfig;

  @Option(names = "--function", paramLabel = "NAME=pkg.Class::method[,timeout=SECONDS][,memory=MB]",
      description = "the Java handler answering for a function (name, ARN or substitution key)")
  List<String> functions = new ArrayList<>();

  @Mixin ClasspathOption classpath = new ClasspathOption();

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
    answers.read(StateNames.of(ended.stateMachine().definitionJson()).all(), io);
    LocalStepFunctions.Builder b = LocalStepFunctions.builder().isolation(Isolation.PROCESS);
    BindingOptions.clock(clock, b);
    String[] arn = ended.executionArn().split(":");
    b.region(arn[3]).accountId(arn[4]);
    List<Path> code = classpath.paths();
    if (!code.isEmpty()) {
      b.classLoader(BindingOptions.classLoader(code));
    }
    Map<String, String> handlers = BindingOptions.bindFunctions(functions, b);
    if (mockConfig != null) {
      try {
        b.mockConfig(InputText.path(mockConfig, "mock config"));
      } catch (IllegalArgumentException e) {
        throw new UsageException(RunCommand.oneLine(e.getMessage()));
      }
    }
    LocalStepFunctions sfn = b.build();
    for (Map.Entry<String, String> p : sfn.handlerProblems().entrySet()) {
      io.err().println("hint: function " + p.getKey() + ": " + p.getValue()
          + HandlerSuggestions.forHandler(handlers.get(p.getKey()), code));
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
}
