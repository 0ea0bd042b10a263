package com.chairside.order.order.web;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.springframework.stereotype.Component;

import com.chairside.order.accounts.AccountDirectory;
import com.chairside.order.accounts.KnownAccount;
import com.chairside.order.catalog.Money;
import com.chairside.order.order.HistoryEntry;
import com.chairside.order.order.Order;
import com.chairside.order.order.OrderLine;

/**
 * The printable sales order form / order confirmation (OpenPDF): the order number, account, lines with options, prices
 * and discounts, totals, the committed delivery date and the change history. In English (dates as {@code 2027-03-10},
 * amounts as {@code 113500.00 USD}, what the sales team reads) or German for practices written to in German (labels
 * translated, dates as {@code 10.03.2027}, amounts as {@code 113.500,00 USD}).
 */
@Component
class OrderForm {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	/** The languages a form is printed in. */
	static final java.util.Set<String> LANGUAGES = java.util.Set.of("en", "de");

	private static final Map<String, String> GERMAN = Map.ofEntries(Map.entry("Order confirmation", "Auftragsbestätigung"),
			Map.entry("Sales order form", "Bestellformular"), Map.entry("Order", "Bestellung"),
			Map.entry("Order id", "Bestell-ID"), Map.entry("Status", "Status"), Map.entry("Version", "Version"),
			Map.entry("Account", "Kunde"), Map.entry("region", "Region"),
			Map.entry("Requested delivery date", "Gewünschter Liefertermin"), Map.entry("Delivery site", "Lieferort"),
			Map.entry("Committed delivery date", "Zugesagter Liefertermin"),
			Map.entry("not committed yet", "noch nicht zugesagt"), Map.entry("SKU", "Artikel"),
			Map.entry("Product and options", "Produkt und Optionen"), Map.entry("Qty", "Menge"),
			Map.entry("Unit price", "Einzelpreis"), Map.entry("Disc. %", "Rabatt %"),
			Map.entry("Line total", "Summe"), Map.entry("Total", "Gesamt"), Map.entry("History", "Verlauf"),
			Map.entry("by", "von"));

	private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);

	private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);

	private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);

	private final AccountDirectory accounts;

	OrderForm(AccountDirectory accounts) {
		this.accounts = accounts;
	}

	byte[] render(Order order) {
		return render(order, "en");
	}

	/** The form in {@code language}, one of {@link #LANGUAGES}. */
	byte[] render(Order order, String language) {
		Labels l = new Labels(language);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 40, 40, 40, 40);
		PdfWriter.getInstance(document, out);
		document.open();
		addHeading(document, order, l);
		document.add(new Paragraph(" "));
		document.add(lines(order, l));
		document.add(new Paragraph(" "));
		addHistory(document, order, l);
		document.close();
		return out.toByteArray();
	}

	/** What the order is, for whom, and when it is to be delivered. */
	private void addHeading(Document document, Order order, Labels l) {
		boolean confirmed = order.committedDeliveryDate() != null;
		document.add(new Paragraph(l.of(confirmed ? "Order confirmation" : "Sales order form"), TITLE));
		document.add(new Paragraph(l.of("Order") + " " + ((order.number() != null) ? order.number() : order.id()), HEADING));
		document.add(new Paragraph(l.of("Order id") + ": " + order.id(), BODY));
		document.add(new Paragraph(l.of("Status") + ": " + order.status() + "    " + l.of("Version") + ": " + order.version(), BODY));
		String account = this.accounts.known(order.accountId()).map(KnownAccount::name).orElse("");
		document.add(new Paragraph(l.of("Account") + ": " + account + " (" + order.accountId() + "), " + l.of("region") + " " + order.region(), BODY));
		document.add(new Paragraph(l.of("Requested delivery date") + ": " + l.date(order.requestedDeliveryDate())
				+ ((order.deliverySite() != null) ? "    " + l.of("Delivery site") + ": " + order.deliverySite() : ""), BODY));
		document.add(new Paragraph(l.of("Committed delivery date") + ": "
				+ (confirmed ? l.date(order.committedDeliveryDate()) : l.of("not committed yet")), BODY));
	}

	/** The order lines with their options, prices and discounts, and the total. */
	private static PdfPTable lines(Order order, Labels l) {
		PdfPTable lines = new PdfPTable(new float[] { 3, 5, 1, 2, 1.3f, 2 });
		lines.setWidthPercentage(100);
		for (String header : new String[] { "SKU", "Product and options", "Qty", "Unit price", "Disc. %", "Line total" }) {
			lines.addCell(new PdfPCell(new Phrase(l.of(header), HEADING)));
		}
		for (OrderLine line : order.lines()) {
			String options = line.options().entrySet().stream().map((e) -> e.getKey() + ": " + e.getValue())
				.collect(Collectors.joining(", "));
			lines.addCell(new Phrase(line.sku(), BODY));
			lines.addCell(new Phrase(line.name() + (options.isEmpty() ? "" : "\n" + options), BODY));
			lines.addCell(right(String.valueOf(line.quantity()), BODY));
			lines.addCell(right(l.money(line.unitPrice()), BODY));
			lines.addCell(right(line.discountPercent().stripTrailingZeros().toPlainString(), BODY));
			lines.addCell(right(l.money(line.lineTotal()), BODY));
		}
		PdfPCell totalLabel = new PdfPCell(new Phrase(l.of("Total"), HEADING));
		totalLabel.setColspan(5);
		lines.addCell(totalLabel);
		lines.addCell(right(l.money(order.total()), HEADING));
		return lines;
	}

	/** Every change of the order: when, what, by whom and why. */
	private static void addHistory(Document document, Order order, Labels l) {
		document.add(new Paragraph(l.of("History"), HEADING));
		for (HistoryEntry entry : order.history()) {
			StringBuilder text = new StringBuilder(WHEN.format(entry.at()) + "  " + entry.event() + " " + l.of("by") + " " + entry.by());
			if (entry.reason() != null) {
				text.append(" - ").append(entry.reason());
			}
			entry.changes().forEach((c) -> text.append("\n    ").append(c.field()).append(": ").append(c.before())
				.append(" -> ").append(c.after()));
			document.add(new Paragraph(text.toString(), BODY));
		}
	}

	private static PdfPCell right(String text, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		return cell;
	}

	/** The words, dates and amounts of one language. */
	private static final class Labels {

		private final boolean german;

		Labels(String language) {
			this.german = "de".equals(language);
		}

		String of(String english) {
			return this.german ? GERMAN.getOrDefault(english, english) : english;
		}

		String date(LocalDate date) {
			if (date == null) {
				return "";
			}
			return this.german ? DateTimeFormatter.ofPattern("dd.MM.yyyy").format(date) : date.toString();
		}

		String money(Money money) {
			BigDecimal amount = money.amount();
			String shown = this.german
					? new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY)).format(amount)
					: amount.toPlainString();
			return shown + " " + money.currency();
		}

	}

}
