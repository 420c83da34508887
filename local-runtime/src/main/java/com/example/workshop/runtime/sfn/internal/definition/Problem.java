package com.example.workshop.runtime.sfn.internal.definition;

/**
 * One problem found in a definition (the public API shows it as a Diagnostic).
 *
 * @param code AWS's diagnostic code, e.g. {@code SCHEMA_VALIDATION_FAILED}
 * @param location JSON pointer of the offending node ({@code "/"} for the root), AWS's own location
 *     text for JSON syntax errors, or null where AWS gives none
 * @param message AWS's wording where known
 * @param line 1-based line in the definition text, 0 when unknown
 */
public record Problem(String code, String location, String message, int line) {}
