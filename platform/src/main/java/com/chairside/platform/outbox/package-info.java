/**
 * The outbox: events ride inside the aggregate document and a relay publishes them to Kafka as CloudEvents.
 * <p>
 * The relay is woken for each document this process writes with pending events ({@link
 * com.chairside.platform.outbox.OutboxWakeUps} after a Spring Data save or insert, {@link
 * com.chairside.platform.outbox.OutboxRelay#staged} after an update that pushes {@code pendingEvents}) and reads those
 * documents' pending events by {@code _id} (see {@link com.chairside.platform.persistence} for why), on a store client
 * of its own ({@link com.chairside.platform.outbox.OutboxStore}). A sweep every
 * {@code chairside.outbox.sweep-interval} (5 s) scans for what no wake-up brought (older than
 * {@code chairside.outbox.sweep-grace}, 5 s) and leases it. A batch's aggregates are sent in parallel, each one's
 * events in order; an event leaves its document only once the broker acknowledged it: at least once, never lost.
 */
package com.chairside.platform.outbox;
