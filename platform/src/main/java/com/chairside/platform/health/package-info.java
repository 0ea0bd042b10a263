/** Health checks that work on real MongoDB and on the embedded MongoDB-wire server alike. */
package com.chairside.platform.health;
