/** What waits for a sales manager's decision: discounts above the threshold and cancellation requests. */
package com.chairside.order.approval;
