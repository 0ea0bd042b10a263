/** The outbox: events ride inside the aggregate document and a relay publishes them to Kafka as CloudEvents. */
package com.chairside.platform.outbox;
