/** What protects the services behind the gateway: rate limits per user, body size caps, CORS for the sales UI. */
package com.chairside.gateway.protection;
