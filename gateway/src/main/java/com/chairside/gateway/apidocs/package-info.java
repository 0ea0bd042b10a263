/** One OpenAPI document for the sales UI: every service's API, as the gateway exposes it. */
package com.chairside.gateway.apidocs;
