/** The product catalogue of the three equipment lines, with list prices. */
package com.chairside.order.catalog;
