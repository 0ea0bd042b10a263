/** Technical building blocks every Chairside service shares; nothing here knows a lead, an account or an order. */
package com.chairside.platform;
