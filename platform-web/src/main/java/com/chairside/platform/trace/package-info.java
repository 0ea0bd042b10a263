/** W3C trace context and correlation ids carried from HTTP into events and from events into logs. */
package com.chairside.platform.trace;
