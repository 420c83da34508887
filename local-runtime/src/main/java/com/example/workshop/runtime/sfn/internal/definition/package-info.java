/**
 * From definition text to the model: substitutions, the JSON reader with line numbers, the checks
 * AWS runs before accepting a definition, and the compiler.
 *
 * <p>Internal: not part of local-runtime's API (that is {@code com.example.workshop.runtime.sfn});
 * it may change in any release. Imports asl, query and model.
 */
package com.example.workshop.runtime.sfn.internal.definition;
