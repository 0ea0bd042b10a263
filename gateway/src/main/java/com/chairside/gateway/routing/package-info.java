/** Which path goes to which service. */
package com.chairside.gateway.routing;
