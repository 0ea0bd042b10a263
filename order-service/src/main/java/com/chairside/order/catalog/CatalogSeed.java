package com.chairside.order.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds the catalogue with the three product lines in all four categories. Saving by SKU makes it safe to run on
 * every start of every replica: the same products, never twice.
 */
@Component
class CatalogSeed implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CatalogSeed.class);

	private final Catalog catalog;

	CatalogSeed(Catalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.catalog.count() > 0) {
			return;
		}
		this.catalog.saveAll(products());
		log.info("Seeded the catalogue with {} products", this.catalog.count());
	}

	static List<Product> products() {
		List<Product> products = new ArrayList<>();
		line(products, ProductLine.ORTHODONTIC, "ORTHO", "Orthodontic", new int[] { 14500, 32500, 18750, 9800 });
		line(products, ProductLine.ORAL_SURGERY, "OS", "Oral surgery", new int[] { 16200, 41000, 21400, 11200 });
		line(products, ProductLine.PEDIATRIC, "PEDO", "Pediatric", new int[] { 12900, 27800, 16300, 8700 });
		return products;
	}

	private static void line(List<Product> products, ProductLine line, String code, String label, int[] prices) {
		products.add(product("EC-" + code + "-100", label + " exam chair", line, Category.EXAM_CHAIR, prices[0]));
		products.add(product("TC-" + code + "-200", label + " treatment chair", line, Category.TREATMENT_CHAIR, prices[1]));
		products.add(product("DU-" + code + "-300", label + " delivery unit", line, Category.DELIVERY_UNIT, prices[2]));
		products.add(product("CC-" + code + "-400", label + " custom cabinetry (per module)", line,
				Category.CUSTOM_CABINETRY, prices[3]));
	}

	private static Product product(String sku, String name, ProductLine line, Category category, int usd) {
		return new Product(sku, name, line, category, new Money(BigDecimal.valueOf(usd), "USD"));
	}

}
