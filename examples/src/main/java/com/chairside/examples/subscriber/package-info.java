/** A plain kafka-clients subscriber to Chairside's events: CloudEvents headers read, duplicates dropped. */
package com.chairside.examples.subscriber;
