/**
 * The embedded default: a MongoDB-wire store, a mail sink and a token issuer that run as processes for
 * {@code bin/chairside up} and in-process for tests. (The Kafka broker is Apache Kafka's own {@code kafka.Kafka}.)
 */
package com.chairside.devstack;
