package com.example.workshop.runtime;

/** Bad arguments or unreadable input: reported as one line on stderr with exit code 2. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
