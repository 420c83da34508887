/**
 * Internal: the discrete-event simulation behind {@link com.example.workshop.runtime.scaling.ScalingReplay}.
 * Nothing here is API; it may change without notice.
 */
package com.example.workshop.runtime.scaling.internal;
