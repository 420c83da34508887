/**
 * TestState: a request read and checked as AWS's TestState API checks it (its ValidationException
 * and InvalidDefinition messages), the state compiled alone or picked from its machine, run once
 * by the engine, and the response shaped as AWS shapes it for each inspection level.
 *
 * <p>Internal: not part of local-runtime's API (that is {@code com.example.workshop.runtime.sfn});
 * it may change in any release. Imports asl, query, model, definition and engine.
 */
package com.example.workshop.runtime.sfn.internal.teststate;
