package com.chairside.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What every API takes in a request.
 *
 * @param maxPagingDepth how many items deep anyone may page (page × size); deeper answers 400, since skipping that far
 * costs the store a scan of everything before the page on each request
 * @param maxJsonBody the largest JSON request body; larger answers 413 (the largest body of the sales API, an order of
 * many lines, is a few KB)
 */
@ConfigurationProperties("chairside.web")
public record WebSettings(@DefaultValue("100000") long maxPagingDepth, @DefaultValue("1MB") DataSize maxJsonBody) {
}
