package com.chairside.notification.customer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.chairside.notification.texts.Texts;

/**
 * The subject and body of a practice's mail in its language, from {@code templates/customer/<kind>.<lang>.txt}
 * (subject) and {@code templates/customer/body.<lang>.txt} and {@code .html} through {@link Texts}: values are never
 * read as templates and are escaped in HTML; dates are written the way the language writes them.
 */
@Component
class CustomerMailTexts {

	private final Texts texts;

	CustomerMailTexts(Texts texts) {
		this.texts = texts;
	}

	String subject(CustomerMail mail, String language) {
		return this.texts.subject("customer/" + mail.kind().name() + "." + language, model(mail, language, null));
	}

	String text(CustomerMail mail, String language, String subject) {
		return this.texts.text("customer/body." + language, model(mail, language, subject));
	}

	String html(CustomerMail mail, String language, String subject) {
		return this.texts.html("customer/body." + language, model(mail, language, subject));
	}

	private static Map<String, Object> model(CustomerMail mail, String language, String subject) {
		Map<String, Object> model = new HashMap<>();
		model.put("subject", subject);
		model.put("orderNumber", (mail.orderNumber() != null) ? mail.orderNumber() : mail.orderId());
		model.put("confirmed", mail.kind() == CustomerMailKind.ORDER_CONFIRMED);
		model.put("changed", mail.kind() == CustomerMailKind.DELIVERY_DATE_CHANGED);
		model.put("deliveryDate", date(mail.committedDeliveryDate(), language));
		model.put("previousDeliveryDate", date(mail.previousDeliveryDate(), language));
		model.put("reason", mail.reason());
		return model;
	}

	private static String date(LocalDate date, String language) {
		return (date != null)
				? DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language)).format(date)
				: null;
	}

}
