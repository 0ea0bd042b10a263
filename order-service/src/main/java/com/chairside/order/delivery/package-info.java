/** Delivery commitments: the watch that raises at-risk and missed commitments, once each. */
package com.chairside.order.delivery;
