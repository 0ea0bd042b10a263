/**
 * Tracing as callers see it: the trace a request joined, named in its response. The spans themselves come from
 * Micrometer Tracing on OpenTelemetry, which Spring Boot configures.
 */
package com.chairside.platform.trace;
