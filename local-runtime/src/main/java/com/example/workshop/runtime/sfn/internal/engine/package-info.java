/**
 * The interpreter: strands (the top level, Parallel branches, Map iterations) on a deterministic
 * scheduler in virtual or real time, one executor per state type, Retry and Catch decisions, Task
 * invocation.
 *
 * <p>Internal: not part of local-runtime's API (that is {@code com.example.workshop.runtime.sfn});
 * it may change in any release. Imports asl, query, model and history.
 */
package com.example.workshop.runtime.sfn.internal.engine;
