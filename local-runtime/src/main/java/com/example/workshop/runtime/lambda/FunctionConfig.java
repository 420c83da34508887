package com.example.workshop.runtime.lambda;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What an execution environment needs to know about its function.
 *
 * @param classpath the function's own code (folders and jars) for a separate JVM; empty means the
 *     classpath of this JVM
 * @param environment the function's environment variables (only a separate JVM can set them)
 */
record FunctionConfig(
    String handler,
    String functionName,
    int memoryMb,
    String region,
    String accountId,
    ClassLoader classLoader,
    List<Path> classpath,
    Map<String, String> environment,
    PrintStream logSink,
    Clock clock) {

  String functionArn() {
    return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
  }

  LocalContext.Builder context(String requestId) {
    return LocalContext.builder()
        .awsRequestId(requestId)
        .functionName(functionName)
        .region(region)
        .accountId(accountId)
        .memoryLimitInMb(memoryMb)
        .clock(clock)
        .logger(new LocalContext.StreamLogger(logSink));
  }
}
