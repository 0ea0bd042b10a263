package com.chairside.order.order.web;

import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
import com.chairside.order.order.HistoryEntry;
import com.chairside.order.order.Order;
import com.chairside.order.order.OrderLine;

/**
 * The printable sales order form / order confirmation (OpenPDF): the order number, account, lines with options, prices
 * and discounts, totals, the committed delivery date and the change history.
 */
@Component
class OrderForm {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final AccountDirectory accounts;

	OrderForm(AccountDirectory accounts) {
		this.accounts = accounts;
	}

	byte[] render(Order order) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 40, 40, 40, 40);
		PdfWriter.getInstance(document, out);
		document.open();
		Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
		Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
		Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
		boolean confirmed = order.committedDeliveryDate() != null;
		document.add(new Paragraph(confirmed ? "Order confirmation" : "Sales order form", title));
		document.add(new Paragraph("Order " + ((order.number() != null) ? order.number() : order.id()), heading));
		document.add(new Paragraph("Order id: " + order.id(), body));
		document.add(new Paragraph("Status: " + order.status() + "    Version: " + order.version(), body));
		String account = this.accounts.known(order.accountId()).map(KnownAccount::name).orElse("");
		document.add(new Paragraph("Account: " + account + " (" + order.accountId() + "), region " + order.region(), body));
		document.add(new Paragraph("Requested delivery date: " + order.requestedDeliveryDate()
				+ ((order.deliverySite() != null) ? "    Delivery site: " + order.deliverySite() : ""), body));
		document.add(new Paragraph("Committed delivery date: "
				+ (confirmed ? order.committedDeliveryDate().toString() : "not committed yet"), body));
		document.add(new Paragraph(" "));

		PdfPTable lines = new PdfPTable(new float[] { 3, 5, 1, 2, 1.3f, 2 });
		lines.setWidthPercentage(100);
		for (String header : new String[] { "SKU", "Product and options", "Qty", "Unit price", "Disc. %", "Line total" }) {
			lines.addCell(new PdfPCell(new Phrase(header, heading)));
		}
		for (OrderLine line : order.lines()) {
			String options = line.options().entrySet().stream().map((e) -> e.getKey() + ": " + e.getValue())
				.collect(Collectors.joining(", "));
			lines.addCell(new Phrase(line.sku(), body));
			lines.addCell(new Phrase(line.name() + (options.isEmpty() ? "" : "\n" + options), body));
			lines.addCell(right(String.valueOf(line.quantity()), body));
			lines.addCell(right(line.unitPrice().amount().toPlainString() + " " + line.unitPrice().currency(), body));
			lines.addCell(right(line.discountPercent().stripTrailingZeros().toPlainString(), body));
			lines.addCell(right(line.lineTotal().amount().toPlainString() + " " + line.lineTotal().currency(), body));
		}
		PdfPCell totalLabel = new PdfPCell(new Phrase("Total", heading));
		totalLabel.setColspan(5);
		lines.addCell(totalLabel);
		lines.addCell(right(order.total().amount().toPlainString() + " " + order.total().currency(), heading));
		document.add(lines);

		document.add(new Paragraph(" "));
		document.add(new Paragraph("History", heading));
		for (HistoryEntry entry : order.history()) {
			StringBuilder text = new StringBuilder(WHEN.format(entry.at()) + "  " + entry.event() + " by " + entry.by());
			if (entry.reason() != null) {
				text.append(" - ").append(entry.reason());
			}
			entry.changes().forEach((c) -> text.append("\n    ").append(c.field()).append(": ").append(c.before())
				.append(" -> ").append(c.after()));
			document.add(new Paragraph(text.toString(), body));
		}
		document.close();
		return out.toByteArray();
	}

	private static PdfPCell right(String text, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		return cell;
	}

}
