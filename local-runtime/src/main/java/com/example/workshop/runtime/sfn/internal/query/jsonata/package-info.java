/**
 * The JSONata query language: templates with {@code {% %}} expressions (dashjoin JSONata), AWS's
 * added functions and JSONata input and output processing.
 *
 * <p>Internal: not part of local-runtime's API (that is {@code com.example.workshop.runtime.sfn});
 * it may change in any release. Imports asl and query.
 */
package com.example.workshop.runtime.sfn.internal.query.jsonata;
