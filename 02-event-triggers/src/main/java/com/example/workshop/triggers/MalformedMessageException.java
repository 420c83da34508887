package com.example.workshop.triggers;

/**
 * A message body that is not the JSON we expect. The message names the message and the position of
 * the problem, so the log line (and the DLQ or on-failure record) says what to fix.
 */
public class MalformedMessageException extends RuntimeException {
  public MalformedMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
