package com.chairside.reporting.meeting.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;

import tools.jackson.databind.JsonNode;

/**
 * The pack as a printable PDF: page one shows targets against actuals and the lead funnel, page two the forecast by
 * month and delivery performance, as bar charts a manager reads without the numbers; page three lists the order
 * book, activity and market figures, page four the competitors lost to and the installed units due for replacement.
 */
final class PackPdf {

	private static final Color GOOD = new Color(46, 139, 87);

	private static final Color FAIR = new Color(230, 160, 30);

	private static final Color POOR = new Color(200, 60, 50);

	private static final Color BLUE = new Color(60, 110, 180);

	private static final float LEFT = 50;

	private static final float WIDTH = 420;

	private PackPdf() {
	}

	static byte[] render(JsonNode pack) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle("Sales meeting " + pack.path("region").asString() + " " + pack.path("period").asString());
			document.open();
			Charts charts = new Charts(writer.getDirectContent(), BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, false),
					BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, false));
			float top = PageSize.A4.getHeight() - 60;
			header(charts, pack, top);
			float y = targets(charts, pack, top - 50);
			funnel(charts, pack.path("funnel"), y - 10);
			document.newPage();
			y = forecast(charts, pack.path("forecast"), top);
			delivery(charts, pack.path("delivery"), y - 20);
			document.newPage();
			figures(charts, pack, top);
			document.newPage();
			marketKnowledge(charts, pack.path("market"), top);
			document.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The sales-meeting PDF could not be written", ex);
		}
		return out.toByteArray();
	}

	private static void header(Charts charts, JsonNode pack, float y) {
		charts.title(LEFT, y, "Sales meeting " + pack.path("region").asString() + " - " + pack.path("period").asString(), 18);
		charts.text(LEFT, y - 18, "From " + pack.path("from").asString() + " to " + pack.path("until").asString()
				+ ", as of " + pack.path("generatedAt").asString(), 9);
	}

	private static float targets(Charts charts, JsonNode pack, float y) {
		List<Charts.Bar> bars = new ArrayList<>();
		double max = 100;
		for (var entry : pack.path("targets").properties()) {
			JsonNode t = entry.getValue();
			double attainment = t.path("attainment").isNumber() ? t.path("attainment").asDouble() : 0;
			max = Math.max(max, Math.min(attainment, 150));
			JsonNode pace = pack.path("pace").path(entry.getKey());
			String needs = pace.path("neededPerWeek").isNumber() && pace.path("remaining").asDouble() > 0
					? ", needs " + pace.path("neededPerWeek").asString() + "/week" : "";
			bars.add(new Charts.Bar(entry.getKey(), attainment, (attainment >= 100) ? GOOD : (attainment >= 70) ? FAIR : POOR,
					t.path("actual").asString() + " of " + t.path("target").asString()
							+ (t.path("attainment").isNumber() ? " (" + t.path("attainment").asString() + " %)" : " (no target)")
							+ needs));
		}
		return charts.horizontalBars(LEFT, y, WIDTH, "Targets vs actuals (attainment; dashed line = target)", bars, max,
				100, false);
	}

	private static float funnel(Charts charts, JsonNode funnel, float y) {
		double captured = funnel.path("captured").asDouble();
		List<Charts.Bar> bars = new ArrayList<>();
		Color[] shades = { new Color(70, 120, 190), new Color(90, 140, 200), new Color(110, 160, 210), GOOD };
		String[] stages = { "captured", "contacted", "qualified", "converted" };
		for (int i = 0; i < stages.length; i++) {
			long n = funnel.path(stages[i]).asLong();
			String share = (captured > 0) ? " (" + Math.round(n * 100 / captured) + " %)" : "";
			bars.add(new Charts.Bar(stages[i], n, shades[i], n + share));
		}
		return charts.horizontalBars(LEFT, y, WIDTH, "Lead funnel (leads captured in the period)", bars,
				Math.max(captured, 1), 0, true);
	}

	private static float forecast(Charts charts, JsonNode forecast, float y) {
		List<Charts.Column> columns = new ArrayList<>();
		for (JsonNode month : forecast.path("byMonth").values()) {
			columns.add(new Charts.Column(month.path("month").asString(), List.of(month.path("commit").asDouble(),
					month.path("bestCase").asDouble(), month.path("pipeline").asDouble())));
		}
		float below = charts.stackedColumns(LEFT, y, WIDTH, 180, "Forecast by expected decision month", List.of("commit",
				"best case", "pipeline"), List.of(GOOD, BLUE, new Color(170, 190, 220)), columns);
		JsonNode c = forecast.path("categories");
		charts.text(LEFT, below, "Weighted forecast " + forecast.path("weightedTotal").asString() + ": commit "
				+ c.path("commit").path("value").asString() + " (90 %), best case " + c.path("bestCase").path("value").asString()
				+ " (50 %), pipeline " + c.path("pipeline").path("value").asString() + " (25 %)", 9);
		return below - 16;
	}

	private static float delivery(Charts charts, JsonNode delivery, float y) {
		long onTime = delivery.path("onTime").asLong();
		long late = delivery.path("late").asLong();
		long atRisk = delivery.path("atRiskNowCount").asLong();
		long missed = delivery.path("missedCount").asLong();
		double max = Math.max(1, Math.max(Math.max(onTime, late), Math.max(atRisk, missed)));
		String rate = delivery.path("onTimeRate").isNumber() ? delivery.path("onTimeRate").asString() + " % on time"
				: "nothing delivered";
		float below = charts.horizontalBars(LEFT, y, WIDTH, "Delivery performance (" + rate + ")",
				List.of(new Charts.Bar("delivered on time", onTime, GOOD, Long.toString(onTime)),
						new Charts.Bar("delivered late", late, POOR, Long.toString(late)),
						new Charts.Bar("at risk now", atRisk, FAIR, Long.toString(atRisk)),
						new Charts.Bar("commitments missed", missed, POOR, Long.toString(missed))),
				max, 0, false);
		for (JsonNode miss : delivery.path("misses").values()) {
			if (below < 60) {
				break;
			}
			charts.text(LEFT, below, "Missed: order " + miss.path("orderId").asString() + " due "
					+ miss.path("committedDeliveryDate").asString() + ", " + miss.path("daysLate").asString() + " days late, "
					+ miss.path("reason").asString(), 8);
			below -= 12;
		}
		return below;
	}

	private static void figures(Charts charts, JsonNode pack, float y) {
		JsonNode book = pack.path("orderBook");
		List<String> lines = new ArrayList<>();
		lines.add("#Order book");
		lines.add("Submitted: " + book.path("submitted").path("count").asString() + " orders, "
				+ book.path("submitted").path("value").asString());
		lines.add("Confirmed: " + book.path("confirmed").path("count").asString() + " orders, "
				+ book.path("confirmed").path("value").asString());
		lines.add("Changes: " + book.path("changes").path("count").asString() + ", value effect "
				+ book.path("changes").path("valueEffect").asString());
		lines.add("Cancellations: " + book.path("cancellations").path("count").asString() + ", value effect "
				+ book.path("cancellations").path("valueEffect").asString());
		for (JsonNode c : book.path("cancellations").path("items").values()) {
			lines.add("   cancelled " + c.path("orderId").asString() + ": " + c.path("reason").asString());
		}
		book.path("byProductLine").forEachEntry((line, v) -> lines.add("   " + line + ": submitted "
				+ v.path("submitted").asString() + ", confirmed " + v.path("confirmed").asString()));
		lines.add("#Activity by account manager");
		pack.path("activity").path("byAccountManager").forEachEntry((am, a) -> lines.add(am + ": " + a.path("calls").asString()
				+ " calls, " + a.path("visits").asString() + " visits, " + a.path("demos").asString() + " demos, "
				+ a.path("conferences").asString() + " conferences"));
		lines.add("Demos followed by an order: " + pack.path("activity").path("demosFollowedByOrder").asString() + " of "
				+ pack.path("activity").path("demos").asString());
		lines.add("#Market");
		for (String by : List.of("byRegion", "bySpecialty")) {
			pack.path("market").path(by).forEachEntry((k, m) -> lines.add(k + ": won " + m.path("won").asString() + " ("
					+ m.path("wonValue").asString() + "), lost " + m.path("lost").asString() + ", average order "
					+ m.path("averageOrderValue").asString("-")));
		}
		write(charts, lines, y);
	}

	private static void marketKnowledge(Charts charts, JsonNode market, float y) {
		List<String> lines = new ArrayList<>();
		lines.add("#Lost to competitors");
		market.path("lostToCompetitors").forEachEntry((competitor, c) -> {
			lines.add(competitor + ": " + c.path("leadsLost").asString() + " leads, estimated " + c.path("estimatedValue").asString());
			c.path("byRegion").forEachEntry((region, r) -> lines.add("   " + region + ": " + r.path("leadsLost").asString()
					+ " leads, estimated " + r.path("estimatedValue").asString()));
		});
		JsonNode candidates = market.path("replacementCandidates");
		lines.add("#Installed units " + candidates.path("minimumAge").asString() + "+ years old (as of "
				+ candidates.path("asOfYear").asString() + ")");
		candidates.path("byRegion").forEachEntry((region, r) -> {
			lines.add(region + ": " + r.path("units").asString() + " units");
			for (JsonNode u : r.path("items").values()) {
				lines.add("   " + u.path("account").asString(u.path("accountId").asString()) + ": "
						+ u.path("quantity").asString() + " x " + u.path("brand").asString() + " "
						+ u.path("model").asString("") + " (" + u.path("productLine").asString() + "), "
						+ u.path("yearInstalled").asString() + ", " + u.path("age").asString() + " years");
			}
		});
		write(charts, lines, y);
	}

	/** Lines top down from {@code y}, a leading {@code #} making a heading, until the page is full. */
	private static void write(Charts charts, List<String> lines, float y) {
		float line = y;
		for (String text : lines) {
			if (line < 50) {
				break;
			}
			if (text.startsWith("#")) {
				line -= 8;
				charts.title(LEFT, line, text.substring(1), 12);
			}
			else {
				charts.text(LEFT, line, text, 9);
			}
			line -= 14;
		}
	}

}
