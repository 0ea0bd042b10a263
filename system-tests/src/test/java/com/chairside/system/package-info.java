/** End-to-end tests over the whole suite: each service and the gateway as its own process, over a real broker. */
package com.chairside.system;
