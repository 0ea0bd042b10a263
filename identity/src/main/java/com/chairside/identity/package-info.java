/** The embedded default's OpenID Connect provider: sign-in page, dev users, signing key, token claims. */
package com.chairside.identity;
