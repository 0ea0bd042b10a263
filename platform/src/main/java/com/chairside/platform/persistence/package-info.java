/**
 * Conditional writes on MongoDB, written once for every service: a versioned save that retries on a conflict
 * ({@link com.chairside.platform.persistence.VersionedSave}), compare-and-set on a field and an event's sequence
 * guard ({@link com.chairside.platform.persistence.ConditionalWrites}), and claims by unique key, where the first
 * insert wins ({@link com.chairside.platform.persistence.Claims}).
 * <p>
 * <b>The embedded store's limit.</b> The embedded default's store (mongo-java-server, the MongoDB wire protocol in
 * a JVM) serves a filter from an index only when the filter names exactly the fields of a unique index, by equality
 * or {@code $in}: {@code {_id}}, or every field of a unique compound index. Any other filter, {@code {_id, version}}
 * and {@code {_id, sequence: {$lt: n}}} included, and every count, reads the whole collection. Its writes are
 * serialised per collection, so a conditional write is atomic there as on MongoDB. Two rules follow for the code
 * that runs per request or per event, on any store:
 * <ul>
 * <li>one document is read by its {@code _id} (or by exactly a unique key) alone, and whatever else it must satisfy,
 * such as the caller's region, is checked on the document read;</li>
 * <li>a write conditional on more than {@code _id} goes through this package, which makes it cheap on the store
 * that runs.</li>
 * </ul>
 * <b>What runs where.</b> {@link com.chairside.platform.persistence.StoreProfile} asks the store once, on first
 * use, which it is ({@code buildInfo}: MongoDB answers its {@code gitVersion}, the embedded store does not), or
 * takes {@code chairside.store.kind} ({@code embedded} or {@code mongodb}) when set. On the embedded store a
 * conditional write on {@code {_id, field}} is served from a unique {@code {_id, field}} index created on first use
 * (no constraint beyond the {@code _id}'s), and an event's sequence guard reads the held sequence by {@code _id}
 * and writes on exactly {@code {_id, sequence: <held>}}, reading again when it lost a race. On MongoDB none of that
 * is done: the {@code _id} index serves every such filter, such an index found from before is dropped, and the
 * sequence guard is one atomic write filtered on {@code sequence < n}.
 */
package com.chairside.platform.persistence;
