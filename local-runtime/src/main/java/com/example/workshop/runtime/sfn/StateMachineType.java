package com.example.workshop.runtime.sfn;

/**
 * The workflow type CreateStateMachine takes. An EXPRESS execution runs at most five minutes, has
 * an ARN of the form {@code arn:aws:states:REGION:ACCOUNT:express:MACHINE:NAME:ID}, and its
 * definition may not use {@code .sync}, {@code .waitForTaskToken} or activities.
 */
public enum StateMachineType {
  STANDARD,
  EXPRESS
}
