/**
 * The documentation the gateway serves without a token: one OpenAPI document for the sales UI (every service's API, as
 * the gateway exposes it) with Swagger UI over it, and the event contract as a page for subscribers.
 */
package com.chairside.gateway.apidocs;
