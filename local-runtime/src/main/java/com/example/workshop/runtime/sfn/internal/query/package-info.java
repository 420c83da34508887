/**
 * What the two query languages have in common: the evaluation context, a state's input and output
 * processing ({@link com.example.workshop.runtime.sfn.internal.query.StateIo}), catcher output and
 * Choice conditions.
 *
 * <p>Internal: not part of local-runtime's API (that is {@code com.example.workshop.runtime.sfn});
 * it may change in any release. Imports asl.
 */
package com.example.workshop.runtime.sfn.internal.query;
