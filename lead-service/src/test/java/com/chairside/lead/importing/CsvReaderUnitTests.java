package com.chairside.lead.importing;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReaderUnitTests {

	@Test
	void readsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() throws IOException {
		CsvReader csv = new CsvReader(new StringReader(
				"\uFEFFname,notes\r\n\"Smile, Inc.\",\"said \"\"call back\"\"\nnext week\"\r\n\r\nplain,\n"));
		assertThat(csv.header()).containsExactly("name", "notes");
		assertThat(csv.next()).containsExactly("Smile, Inc.", "said \"call back\"\nnext week");
		assertThat(csv.line()).isEqualTo(2);
		assertThat(csv.next()).containsExactly("plain", "");
		assertThat(csv.line()).as("the blank line is skipped but counted").isEqualTo(5);
		assertThat(csv.next()).isNull();
	}

	@Test
	void takesTheSemicolonWhenTheHeaderUsesIt() throws IOException {
		CsvReader csv = new CsvReader(new StringReader("name;city\nZahnarztpraxis Müller;Köln, Altstadt\n"));
		assertThat(csv.header()).containsExactly("name", "city");
		assertThat(csv.next()).isEqualTo(List.of("Zahnarztpraxis Müller", "Köln, Altstadt"));
	}

	@Test
	void cutsAnOversizedFieldAndSaysSo() throws IOException {
		CsvReader csv = new CsvReader(new StringReader("a\n" + "x".repeat(CsvReader.MAX_FIELD + 5) + "\nb\n"));
		csv.header();
		assertThat(csv.next().get(0)).hasSize(CsvReader.MAX_FIELD);
		assertThat(csv.oversized()).isTrue();
		assertThat(csv.next()).containsExactly("b");
		assertThat(csv.oversized()).isFalse();
	}

}
