package com.example.workshop.runtime.sfn;

/**
 * An in-process stand-in for a Lambda function (tests, conformance runs). Receives the event as
 * JSON text and returns the response as JSON text; throw {@link LambdaFunctionError} to fail the
 * way a function error fails on AWS.
 */
@FunctionalInterface
public interface LambdaFunction {
  String invoke(String eventJson) throws LambdaFunctionError;
}
