/** HTTP adapter of orders. */
package com.chairside.order.order.web;
