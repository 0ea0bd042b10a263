package com.chairside.order.catalog.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.order.catalog.Catalog;
import com.chairside.order.catalog.CatalogCache;
import com.chairside.order.catalog.PriceList;
import com.chairside.order.catalog.PriceLists;
import com.chairside.order.catalog.Product;
import com.chairside.platform.web.NotFoundException;

/** The catalogue and price lists, readable by every signed-in user and maintained by an admin. */
@RestController
@RequestMapping("/api")
class ProductController {

	private final Catalog catalog;

	private final PriceLists priceLists;

	private final CatalogCache cache;

	ProductController(Catalog catalog, PriceLists priceLists, CatalogCache cache) {
		this.catalog = catalog;
		this.priceLists = priceLists;
		this.cache = cache;
	}

	@GetMapping("/products")
	List<ProductView> products() {
		return this.catalog.findAllByOrderBySkuAsc().stream().map(ProductView::of).toList();
	}

	@GetMapping("/products/{sku}")
	ProductView product(@PathVariable String sku) {
		return ProductView.of(this.catalog.findById(sku).orElseThrow(() -> new NotFoundException("Product", sku)));
	}

	/** Adds a product or replaces it (orders already placed keep the price and options they were placed with). */
	@PutMapping("/products/{sku}")
	ProductView saveProduct(
			@PathVariable @Pattern(regexp = "[A-Z][A-Z0-9-]{0,39}", message = "must be an upper-case SKU such as TC-ORTHO-200") String sku, @Valid @RequestBody ProductRequest request) {
		Product saved = this.catalog.save(request.toProduct(sku));
		this.cache.evict();
		return ProductView.of(saved);
	}

	@GetMapping("/products/price-lists")
	List<PriceList> priceLists() {
		return this.priceLists.findAllByOrderByCurrencyAscValidFromDesc();
	}

	@PostMapping("/products/price-lists")
	ResponseEntity<PriceList> savePriceList(@Valid @RequestBody PriceListRequest request) {
		PriceList saved = this.priceLists.save(request.toPriceList());
		this.cache.evict();
		return ResponseEntity.status(201).body(saved);
	}

}
