/** The inbox: reading CloudEvents from Kafka, with the trace and causation carried over and poison messages named. */
package com.chairside.platform.inbox;
