package com.example.workshop.runtime.sfn.internal.model;

/**
 * The executable form of a definition: built once per state machine, then shared by every
 * execution. {@code timeoutSeconds}: the machine's TimeoutSeconds, or null.
 */
public record Machine(Branch top, Long timeoutSeconds) {}
