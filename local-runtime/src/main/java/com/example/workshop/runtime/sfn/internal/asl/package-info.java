/**
 * Basics every stage shares: JSON values, Step Functions error names, the timestamp grammar, AWS's
 * quotas and limits.
 *
 * <p>Internal: not part of local-runtime's API (that is {@code com.example.workshop.runtime.sfn});
 * it may change in any release. Imports no other stage.
 */
package com.example.workshop.runtime.sfn.internal.asl;
