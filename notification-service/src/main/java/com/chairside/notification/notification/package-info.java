/** Notifications: one per event, department and channel, with their delivery state. */
package com.chairside.notification.notification;
