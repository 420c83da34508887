package com.example.workshop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s refusals: one error line and exit 2, before it would start serving. */
class ServeCommandTest {
  @TempDir Path dir;

  private record Result(int exit, String err) {}

  private static Result serve(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      String[] all = new String[args.length + 1];
      all[0] = "serve";
      System.arraycopy(args, 0, all, 1, args.length);
      exit = Main.run(all, new ByteArrayInputStream(new byte[0]), o, e);
    }
    return new Result(exit, err.toString(StandardCharsets.UTF_8));
  }

  private static void refused(Result r, String message) {
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  @DisplayName("a port another program listens on is named, with the option to choose another")
  void portTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      refused(serve("--port", Integer.toString(taken.getLocalPort())),
          "cannot listen on port " + taken.getLocalPort());
    }
  }

  @Test
  @DisplayName("a port out of range is refused")
  void portOutOfRange() {
    refused(serve("--port", "70000"), "--port");
  }

  @Test
  @DisplayName("a template without a state machine is refused")
  void templateWithoutStateMachine() throws Exception {
    Path template = Files.writeString(dir.resolve("template.yaml"), """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Orders:
            Type: AWS::SQS::Queue
        """);
    refused(serve("--template", template.toString()), "declares no state machine");
  }

  /** A template whose one state machine goes on to the state its NextState parameter names. */
  private Path templateWithParameter() throws Exception {
    Files.writeString(dir.resolve("order.asl.json"), """
        {"StartAt": "Receive", "States": {
          "Receive": {"Type": "Pass", "Next": "${NextState}"},
          "Done": {"Type": "Succeed"}}}
        """);
    return Files.writeString(dir.resolve("template.yaml"), """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          NextState:
            Type: String
            Default: Packed
        Resources:
          OrderWorkflow:
            Type: AWS::Serverless::StateMachine
            Properties:
              DefinitionUri: order.asl.json
              DefinitionSubstitutions:
                NextState: !Ref NextState
        """);
  }

  @Test
  @DisplayName("--parameter reaches the served definition's substitutions, as for run")
  void parameterReachesTheDefinition() throws Exception {
    String template = templateWithParameter().toString();
    Result byDefault = serve("--port", "0", "--template", template);
    refused(byDefault, "invalid definition of OrderWorkflow");
    assertTrue(byDefault.err().contains("Packed"), byDefault.err());
    Result given = serve("--port", "0", "--template", template, "--parameter", "NextState=Shipped");
    refused(given, "invalid definition of OrderWorkflow");
    assertTrue(given.err().contains("Shipped"), given.err());
    assertFalse(given.err().contains("Packed"), given.err());
  }

  @Test
  @DisplayName("an unknown --parameter gets run's one-line error, exit 2; without --template it is refused")
  void unknownParameter() throws Exception {
    String template = templateWithParameter().toString();
    Result served = serve("--template", template, "--parameter", "Shop=kr");
    refused(served, "declares no parameter Shop; its parameters: NextState");
    ByteArrayOutputStream runErr = new ByteArrayOutputStream();
    int runExit;
    try (PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(runErr, true, StandardCharsets.UTF_8)) {
      runExit = Main.run(new String[] {"run", "--template", template, "--parameter", "Shop=kr"},
          new ByteArrayInputStream(new byte[0]), o, e);
    }
    assertEquals(runExit, served.exit());
    assertEquals(runErr.toString(StandardCharsets.UTF_8), served.err());
    assertEquals(1, served.err().lines().count(), served.err());
    refused(serve("--parameter", "Shop=kr"), "--parameter sets a template's parameter: use it with --template");
  }

  @Test
  @DisplayName("--state-machine must name one of the template's state machines")
  void unknownStateMachine() throws Exception {
    refused(serve("--template", templateWithParameter().toString(), "--state-machine", "OrderFlow"),
        "has no state machine OrderFlow; its state machines: OrderWorkflow");
  }
}
