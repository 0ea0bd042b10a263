package com.chairside.lead.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import com.chairside.lead.lead.LeadKind;
import com.chairside.lead.lead.LeadSource;
import com.chairside.lead.lead.Money;
import com.chairside.lead.lead.ProductInterest;
import com.chairside.lead.lead.Specialty;
import com.chairside.lead.lead.NewLead;

/**
 * Reads one CSV row as the body of {@code POST /api/leads}: the header names are its JSON field names, nested ones
 * flattened ({@code estimatedValue.amount}); product interests are separated by {@code |}.
 */
final class CsvRow {

	static final List<String> COLUMNS = List.of("practiceName", "kind", "specialty", "region", "source",
			"conferenceName", "street", "postalCode", "city", "country", "email", "phone", "website",
			"productInterests", "estimatedValue.amount", "estimatedValue.currency", "expectedDecisionDate", "notes");

	private final List<String> header;

	private final List<String> fields;

	private CsvRow(List<String> header, List<String> fields) {
		this.header = header;
		this.fields = fields;
	}

	/** The row as a capture request, or an exception naming the field that cannot be read. */
	static NewLead read(List<String> header, List<String> fields) {
		if (fields.size() != header.size()) {
			throw new IllegalArgumentException("has " + fields.size() + " fields, the header " + header.size());
		}
		CsvRow row = new CsvRow(header, fields);
		String amount = row.text("estimatedValue.amount");
		String currency = row.text("estimatedValue.currency");
		Money value = (amount == null && currency == null) ? null
				: new Money(row.parse("estimatedValue.amount", BigDecimal::new), currency);
		return new NewLead(row.text("practiceName"), row.choice("kind", LeadKind.class),
				row.choice("specialty", Specialty.class), row.text("region"), row.choice("source", LeadSource.class),
				row.text("conferenceName"), row.text("street"), row.text("postalCode"), row.text("city"),
				row.text("country"), row.text("email"), row.text("phone"), row.text("website"), row.interests(), value,
				row.parse("expectedDecisionDate", LocalDate::parse), row.text("notes"));
	}

	private String text(String column) {
		int index = this.header.indexOf(column);
		if (index < 0) {
			return null;
		}
		String value = this.fields.get(index).strip();
		return value.isEmpty() ? null : value;
	}

	private <T> T parse(String column, Function<String, T> parser) {
		String value = text(column);
		try {
			return (value != null) ? parser.apply(value) : null;
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new IllegalArgumentException(column + " cannot be read: '" + value + "'");
		}
	}

	private <E extends Enum<E>> E choice(String column, Class<E> type) {
		String value = text(column);
		return (value != null) ? choice(column, type, value) : null;
	}

	private static <E extends Enum<E>> E choice(String column, Class<E> type, String value) {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(column + " '" + value + "' is not one of "
					+ Arrays.toString(type.getEnumConstants()));
		}
	}

	private Set<ProductInterest> interests() {
		String value = text("productInterests");
		Set<ProductInterest> interests = new LinkedHashSet<>();
		if (value != null) {
			for (String interest : value.split("\\|")) {
				if (!interest.isBlank()) {
					interests.add(choice("productInterests", ProductInterest.class, interest));
				}
			}
		}
		return interests;
	}

}
