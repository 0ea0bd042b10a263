/** HTTP adapter of notifications. */
package com.chairside.notification.notification.web;
