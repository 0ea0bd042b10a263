/** HTTP adapter of the catalogue. */
package com.chairside.order.catalog.web;
