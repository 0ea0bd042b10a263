package com.chairside.order.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Seeds the catalogue with the three product lines in all four categories, with their options and lead times, and a
 * USD and a EUR price list. Saving by id makes it safe to run on every start of every replica: the same products, never
 * twice. A store seeded before products had options and lead times gets them for the seeded SKUs.
 */
@Component
class CatalogSeed implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CatalogSeed.class);

	private static final List<String> COLOURS = List.of("GRAPHITE", "OCEAN_BLUE", "MINT", "SAND", "BERRY");

	private final Catalog catalog;

	private final PriceLists priceLists;

	private final MongoTemplate mongo;

	private final CatalogCache cache;

	CatalogSeed(Catalog catalog, PriceLists priceLists, MongoTemplate mongo, CatalogCache cache) {
		this.catalog = catalog;
		this.priceLists = priceLists;
		this.mongo = mongo;
		this.cache = cache;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.catalog.count() == 0) {
			this.catalog.saveAll(products());
			log.info("Seeded the catalogue with {} products", this.catalog.count());
		}
		for (Product product : products()) {
			Query older = Query.query(Criteria.where("_id").is(product.sku()).and("leadTimeDays").exists(false));
			if (this.mongo.exists(older, Product.class)) {
				this.catalog.save(product);
				log.info("Product {} now has its options and lead time", product.sku());
			}
		}
		if (this.priceLists.count() == 0) {
			this.priceLists.saveAll(priceLists(products()));
			log.info("Seeded the USD and EUR price lists");
		}
		this.cache.evict();
	}

	static List<Product> products() {
		List<Product> products = new ArrayList<>();
		line(products, ProductLine.ORTHODONTIC, "ORTHO", "Orthodontic", new int[] { 14500, 32500, 18750, 9800 });
		line(products, ProductLine.ORAL_SURGERY, "OS", "Oral surgery", new int[] { 16200, 41000, 21400, 11200 });
		line(products, ProductLine.PEDIATRIC, "PEDO", "Pediatric", new int[] { 12900, 27800, 16300, 8700 });
		return products;
	}

	static List<PriceList> priceLists(List<Product> products) {
		Map<String, BigDecimal> usd = new LinkedHashMap<>();
		Map<String, BigDecimal> eur = new LinkedHashMap<>();
		for (Product product : products) {
			usd.put(product.sku(), product.listPrice().amount());
			eur.put(product.sku(), product.listPrice().amount().multiply(new BigDecimal("0.93")).setScale(0, RoundingMode.HALF_UP));
		}
		LocalDate from = LocalDate.of(2026, 1, 1);
		LocalDate until = LocalDate.of(2028, 12, 31);
		return List.of(new PriceList("USD-2026", "USD", from, until, usd), new PriceList("EUR-2026", "EUR", from, until, eur));
	}

	private static void line(List<Product> products, ProductLine line, String code, String label, int[] prices) {
		Map<String, List<String>> chair = Map.of("upholsteryColour", COLOURS);
		products.add(product("EC-" + code + "-100", label + " exam chair", line, Category.EXAM_CHAIR, prices[0], chair, 35));
		products.add(product("TC-" + code + "-200", label + " treatment chair", line, Category.TREATMENT_CHAIR,
				prices[1], chair, 42));
		products.add(product("DU-" + code + "-300", label + " delivery unit", line, Category.DELIVERY_UNIT, prices[2],
				Map.of("configuration", List.of("OVER_THE_PATIENT", "SIDE_DELIVERY", "REAR_DELIVERY")), 28));
		products.add(product("CC-" + code + "-400", label + " custom cabinetry (per module)", line,
				Category.CUSTOM_CABINETRY, prices[3], Map.of("dimensions", List.of("600x560", "900x560", "1200x560"),
						"finish", List.of("WHITE_MATT", "OAK", "WALNUT", "ANTHRACITE")), 49));
	}

	private static Product product(String sku, String name, ProductLine line, Category category, int usd,
			Map<String, List<String>> options, int leadTimeDays) {
		return new Product(sku, name, line, category, new Money(BigDecimal.valueOf(usd), "USD"), options, leadTimeDays);
	}

}
