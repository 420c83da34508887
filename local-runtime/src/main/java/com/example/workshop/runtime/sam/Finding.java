package com.example.workshop.runtime.sam;

/**
 * One problem found in a SAM template.
 *
 * @param rule stable code, for example {@code HANDLER_CLASS_MISSING}
 * @param file the template (or definition) file name as given
 * @param line 1-based line in that file, 0 when unknown
 * @param location dotted path inside the file, for example {@code Resources.OrderFn.Properties.Handler}
 * @param message what is wrong and how to fix it
 */
public record Finding(String rule, String file, int line, String location, String message) {
  @Override
  public String toString() {
    String where = line > 0 ? file + " line " + line : file;
    return where + " (" + location + "): " + rule + ": " + message;
  }
}
