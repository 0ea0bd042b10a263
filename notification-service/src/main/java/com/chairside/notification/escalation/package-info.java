/** Escalation: a department notification not acknowledged by its deadline goes to the sales manager, once. */
package com.chairside.notification.escalation;
