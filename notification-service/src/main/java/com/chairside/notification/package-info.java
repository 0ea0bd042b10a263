/** notification-service: the right departments hear of every order change, once. */
package com.chairside.notification;
