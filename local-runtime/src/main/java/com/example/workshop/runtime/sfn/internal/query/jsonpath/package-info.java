/**
 * The JSONPath query language: paths (Jayway, AWS's engine), payload templates, intrinsic
 * functions, Choice rules and JSONPath input and output processing.
 *
 * <p>Internal: not part of local-runtime's API (that is {@code com.example.workshop.runtime.sfn});
 * it may change in any release. Imports asl and query.
 */
package com.example.workshop.runtime.sfn.internal.query.jsonpath;
