/**
 * Applying events to projections exactly once in effect: each {@link com.chairside.reporting.projection.Projection}
 * turns an event into a write on one document, applied only when the event's sequence is newer than the one the
 * document holds (checked in memory on documents read by id: the embedded store scans a collection for any other
 * filter); the live consumers (group {@code reporting-service}) write one event at a time, a compare-and-set on the
 * sequence read, a rebuild in bulk.
 * Which collection holds a projection's current copy is a pointer document every replica reads; the lag of each
 * projection is a gauge.
 */
package com.chairside.reporting.projection;
