/**
 * Applying events to projections exactly once in effect: each {@link com.chairside.reporting.projection.Projection}
 * turns an event into a write on one document, applied only when the event's sequence is newer than the one the
 * document holds; the live consumers (group {@code reporting-service}) write one event at a time through platform's
 * sequence guard, a rebuild in bulk, checking the sequences of a batch's documents read by id in memory.
 * Which collection holds a projection's current copy is a pointer document every replica reads. How far the live
 * consumers are behind is the binder's own gauge, {@code spring.cloud.stream.binder.kafka.offset} for group
 * {@code reporting-service} and each projection's topic.
 */
package com.chairside.reporting.projection;
