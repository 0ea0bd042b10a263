package com.chairside.order.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The catalogue and the price lists as pricing an order reads them: both loaded whole, one query each, and kept for
 * {@code ttl} ({@code chairside.orders.catalog.cache-ttl}, default 5s), instead of two queries for every order placed
 * or changed. They are small (a few dozen products, a list per currency and period). This replica's own writes evict
 * them at once; another replica's are seen here within {@code ttl}.
 */
@Component
public class CatalogCache {

	private final Catalog catalog;

	private final PriceLists priceLists;

	private final long ttlNanos;

	private volatile Snapshot snapshot;

	CatalogCache(Catalog catalog, PriceLists priceLists, CatalogProperties settings) {
		this.catalog = catalog;
		this.priceLists = priceLists;
		this.ttlNanos = settings.cacheTtl().toNanos();
	}

	public Optional<Product> product(String sku) {
		return Optional.ofNullable(current().products().get(sku));
	}

	/** The price lists of {@code currency}, newest first. */
	List<PriceList> priceLists(String currency) {
		return current().priceLists().getOrDefault(currency, List.of());
	}

	/** Forgets both, after this replica changed the catalogue or a price list: the next order reads them afresh. */
	public void evict() {
		this.snapshot = null;
	}

	private Snapshot current() {
		Snapshot current = this.snapshot;
		if (current == null || System.nanoTime() - current.loadedAt() >= this.ttlNanos) {
			long now = System.nanoTime();
			current = new Snapshot(now,
					this.catalog.findAll().stream().collect(Collectors.toUnmodifiableMap(Product::sku, Function.identity())),
					this.priceLists.findAllByOrderByCurrencyAscValidFromDesc()
						.stream()
						.collect(Collectors.groupingBy(PriceList::currency, Collectors.toUnmodifiableList())));
			this.snapshot = current;
		}
		return current;
	}

	private record Snapshot(long loadedAt, Map<String, Product> products, Map<String, List<PriceList>> priceLists) {
	}

}
