/**
 * Readable forms: the history table and the Mermaid flowchart of a definition, with one execution's
 * path.
 *
 * <p>Internal: not part of local-runtime's API (that is {@code com.example.workshop.runtime.sfn});
 * it may change in any release. Imports asl, query and model.
 */
package com.example.workshop.runtime.sfn.internal.render;
