/** {@code GET /api/search}: one search over the leads, accounts and orders, each asked of the service that owns it. */
package com.chairside.gateway.search;
