/**
 * The compiled, immutable form of a definition: one record per state type, branches, retriers and
 * catchers; each state's query language is settled here.
 *
 * <p>Internal: not part of local-runtime's API (that is {@code com.example.workshop.runtime.sfn});
 * it may change in any release. Imports asl and query.
 */
package com.example.workshop.runtime.sfn.internal.model;
