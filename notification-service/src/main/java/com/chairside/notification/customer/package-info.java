/** The practice hears from us: its order confirmation and delivery-date changes, mailed with the order form. */
package com.chairside.notification.customer;
