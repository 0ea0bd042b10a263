/** Test infrastructure shared by every module: broker, store, tokens, mail, Kafka probes and contract checks. */
package com.chairside.testsupport;
