/** The order aggregate: lines, totals, the requested delivery date, changes with reasons, cancellation. */
package com.chairside.order.order;
