/** The gateway in front of the services. */
package com.chairside.gateway;
