/** A JDK HttpServer webhook receiver that verifies notification-service's {@code Chairside-Signature}. */
package com.chairside.examples.webhook;
