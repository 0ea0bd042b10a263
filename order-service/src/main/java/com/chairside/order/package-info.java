/** order-service: where account managers quote and order. */
package com.chairside.order;
