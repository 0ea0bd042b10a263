package com.chairside.order.catalog.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.order.catalog.Catalog;
import com.chairside.order.catalog.Product;
import com.chairside.platform.web.NotFoundException;

/** The catalogue, readable by every signed-in user. */
@RestController
@RequestMapping("/api/products")
class ProductController {

	private final Catalog catalog;

	ProductController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	List<Product> products() {
		return this.catalog.findAllByOrderBySkuAsc();
	}

	@GetMapping("/{sku}")
	Product product(@PathVariable String sku) {
		return this.catalog.findById(sku).orElseThrow(() -> new NotFoundException("Product", sku));
	}

}
