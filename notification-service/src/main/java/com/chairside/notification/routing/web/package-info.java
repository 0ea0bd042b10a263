/** HTTP adapter of the routing rules and the dry run. */
package com.chairside.notification.routing.web;
