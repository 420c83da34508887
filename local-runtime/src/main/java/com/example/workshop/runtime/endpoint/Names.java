package com.example.workshop.runtime.endpoint;

/**
 * The naming rule of state machines and executions (CreateStateMachine, StartExecution): no white
 * space, no {@code < > { } [ ]}, no {@code ? *}, none of {@code " # % \ ^ | ~ ` $ & , ; : /}, no
 * control characters (U+0000-001F, U+007F-009F), no U+FFFE-FFFF and no lone surrogates. Length is
 * checked as a constraint of the member (1 to 80).
 */
final class Names {
  private static final String FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

  private Names() {}

  static void check(String name) {
    if (name != null && !valid(name)) {
      throw new ApiError("InvalidName", "Invalid Name: '" + name + "'");
    }
  }

  static boolean valid(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || FORBIDDEN.indexOf(c) >= 0
          || c <= 0x1F || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF) {
        return false;
      }
      if (Character.isHighSurrogate(c) && i + 1 < name.length()
          && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
