package com.example.workshop.tools;

/** Bad arguments or unreadable input: one line on stderr, exit 2. */
public final class UsageError extends RuntimeException {
  public UsageError(String message) {
    super(message);
  }
}
