/**
 * Signing people in: the gateway as the console's backend (OpenID Connect client with PKCE, an HttpOnly session,
 * CSRF protection), the session's token relayed to the services; API clients keep their bearer tokens.
 */
package com.chairside.gateway.signin;
