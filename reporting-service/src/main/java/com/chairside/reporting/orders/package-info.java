/** Order figures: placed, changed, cancelled and booked value, per region. */
package com.chairside.reporting.orders;
