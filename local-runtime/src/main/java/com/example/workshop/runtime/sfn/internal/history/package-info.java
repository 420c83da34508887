/**
 * An execution's history: the event types with their details fields and the recorder, the only
 * writer of events and their previousEventId links.
 *
 * <p>Internal: not part of local-runtime's API (that is {@code com.example.workshop.runtime.sfn});
 * it may change in any release. Imports asl and model.
 */
package com.example.workshop.runtime.sfn.internal.history;
