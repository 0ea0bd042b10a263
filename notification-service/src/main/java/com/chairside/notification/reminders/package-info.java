/** Reminders of next steps falling due and demos tomorrow: a read model fed by the events, and the morning round. */
package com.chairside.notification.reminders;
