package com.example.workshop.runtime;

import com.example.workshop.runtime.endpoint.StepFunctionsEndpoint;
import com.example.workshop.runtime.sam.SamApplication;
import com.example.workshop.runtime.sfn.DefinitionException;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import com.example.workshop.runtime.sfn.StateMachine;
import com.example.workshop.runtime.sfn.StateMachineType;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code serve}: the AWS Step Functions API on localhost until Ctrl-C. With {@code --template}, the
 * template's state machines exist from the start (named by their logical ids) and its functions
 * are bound; otherwise state machines come from CreateStateMachine. Execution logs (state machines
 * created with a loggingConfiguration) go to stdout, the one-line request log to stderr.
 */
@Command(name = "serve", sortOptions = false,
    description = "Answer the AWS Step Functions API on localhost, for the AWS SDKs and the AWS CLI"
        + " (--endpoint-url http://localhost:8083), until Ctrl-C.",
    footer = {"", "State machines and executions live in memory: stopping serve forgets them.",
        "Any credentials and region work (signatures are not checked); ARNs use --account and --region.",
        "exit: 2 bad arguments or the port is taken; otherwise it runs until stopped"})
final class ServeCommand implements Callable<Integer> {
  private final Streams io;

  @Option(names = "--port", paramLabel = "N", description = "the port on localhost (default 8083; 0: any free port)")
  String port;

  /** The template's state machines are created at start (with --state-machine, that one). */
  @Mixin TemplateOptions template = new TemplateOptions();

  @Mixin BindingOptions bindings = new BindingOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  ServeCommand(Streams io) {
    this.io = io;
  }

  @Override
  public Integer call() throws InterruptedException {
    int portNumber = port == null ? StepFunctionsEndpoint.DEFAULT_PORT : InvokeCommand.whole("--port", port, 0, 65535);
    SamApplication app = template();
    List<String> ids = app == null ? List.of()
        : template.stateMachine != null ? List.of(template.stateMachineId(app, null)) : app.stateMachineIds();
    LocalStepFunctions.Builder engine = bindings.builder(app, template.file, ids);
    if (bindings.mockConfig != null) {
      bindings.mockConfig(engine, InputText.path(bindings.mockConfig, "mock config"));
    }
    StepFunctionsEndpoint.Builder api = StepFunctionsEndpoint.builder(engine).port(portNumber)
        .executionLog(io.out()).requestLog(io.err());
    if (bindings.account != null) {
      api.accountId(bindings.account);
    }
    if (bindings.region != null) {
      api.region(bindings.region);
    }
    StepFunctionsEndpoint endpoint;
    try {
      endpoint = api.start();
    } catch (UncheckedIOException e) {
      throw new UsageException(e.getMessage() + " (another serve may be running there; choose one with --port)");
    }
    try {
      bindings.checkHandlers(endpoint.handlerProblems(), io);
      for (String id : ids) {
        io.err().println("state machine " + id + ": " + endpoint.createStateMachine(id, machine(app, id), type(app, id)));
      }
    } catch (RuntimeException e) {
      endpoint.close();
      throw e instanceof IllegalArgumentException ? new UsageException(template.file + ": " + e.getMessage()) : e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      endpoint.close();
      io.err().println("serve: stopped");
      stopped.countDown();
    }, "serve-stop"));
    io.err().println("serve: AWS Step Functions API on " + endpoint.url() + " (Ctrl-C stops it)");
    stopped.await();
    return 0;
  }

  /** The template as run reads it (--region, --account, then each --parameter); null without one. */
  private SamApplication template() {
    if (!template.given()) {
      template.checkUnused();
      return null;
    }
    SamApplication app = template.load(bindings::apply);
    if (app.stateMachineIds().isEmpty()) {
      throw new UsageException(template.file + " declares no state machine (AWS::Serverless::StateMachine)");
    }
    return app;
  }

  private StateMachine machine(SamApplication app, String id) {
    try {
      return app.stateMachine(id);
    } catch (DefinitionException e) {
      throw new UsageException("invalid definition of " + id + ": " + RunCommand.oneLine(e.getMessage()));
    }
  }

  /** The template's {@code Type}, STANDARD when absent. */
  private static StateMachineType type(SamApplication app, String id) {
    String type = app.resource(id).path("Properties").path("Type").asText("STANDARD");
    try {
      return StateMachineType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw new UsageException("state machine " + id + ": Type must be STANDARD or EXPRESS, got '" + type + "'");
    }
  }
}
