package com.chairside.order.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How pricing reads the catalogue.
 *
 * @param cacheTtl how long the catalogue and price lists are priced from memory before they are read again; this
 * replica's own changes apply at once, another replica's within it
 */
@ConfigurationProperties("chairside.orders.catalog")
public record CatalogProperties(@DefaultValue("5s") Duration cacheTtl) {

}
