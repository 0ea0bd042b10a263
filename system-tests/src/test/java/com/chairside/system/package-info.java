/**
 * End-to-end tests over the whole suite: each service and the gateway as its own process, over a real broker; and the
 * faults that happen in production, injected into it ({@code FaultSystemTests}).
 */
package com.chairside.system;
