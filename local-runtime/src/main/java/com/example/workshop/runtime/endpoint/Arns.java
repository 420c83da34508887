package com.example.workshop.runtime.endpoint;

/**
 * The ARNs of one account and region, and the checks AWS makes on an ARN before it looks anything
 * up: {@code Invalid Arn: 'Invalid ARN prefix: x'}, {@code Invalid Arn: 'Resource type not valid in
 * this context: express'}. Step Functions Local's {@code stateMachineArn#TestCase} (a mock test
 * case chosen at StartExecution) is split off here too.
 */
final class Arns {
  static final String STATE_MACHINE = "stateMachine";
  static final String EXECUTION = "execution";
  static final String EXPRESS = "express";

  private final String prefix;

  Arns(String region, String accountId) {
    this.prefix = "arn:aws:states:" + region + ":" + accountId + ":";
  }

  String stateMachine(String name) {
    return prefix + STATE_MACHINE + ":" + name;
  }

  String execution(String stateMachineName, String executionName) {
    return prefix + EXECUTION + ":" + stateMachineName + ":" + executionName;
  }

  /** A state machine ARN, checked; a {@code #TestCase} suffix is not part of it (see {@link #testCase}). */
  static String stateMachineArn(String arn) {
    int hash = arn.indexOf('#');
    String base = hash < 0 ? arn : arn.substring(0, hash);
    requireType(base, STATE_MACHINE);
    return base;
  }

  /** The mock test case of {@code stateMachineArn#TestCase}, or null. */
  static String testCase(String arn) {
    int hash = arn.indexOf('#');
    return hash < 0 || hash == arn.length() - 1 ? null : arn.substring(hash + 1);
  }

  static void requireExecution(String arn) {
    requireType(arn, EXECUTION);
  }

  /** The name part of an ARN of the given type (the last part before any further ':'). */
  static String name(String arn, String type) {
    String rest = arn.substring(arn.indexOf(":" + type + ":") + type.length() + 2);
    int colon = rest.indexOf(':');
    return colon < 0 ? rest : rest.substring(0, colon);
  }

  private static void requireType(String arn, String type) {
    String[] parts = arn.split(":", 7);
    if (!arn.startsWith("arn:") || parts.length < 6 || !parts[2].equals("states")) {
      throw ApiError.invalidArn("Invalid ARN prefix: " + arn);
    }
    if (!parts[5].equals(type)) {
      throw ApiError.invalidArn("Resource type not valid in this context: " + parts[5]);
    }
    if (parts.length < 7 || parts[6].isEmpty()) {
      throw ApiError.invalidArn("Invalid ARN: " + arn + " (no " + type + " name)");
    }
  }
}
