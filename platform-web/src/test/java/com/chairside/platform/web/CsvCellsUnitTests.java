package com.chairside.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsUnitTests {

	@Test
	void prefixesEveryCellASpreadsheetWouldRun() {
		assertThat(CsvCells.text("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
		assertThat(CsvCells.text("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
		assertThat(CsvCells.text("-2+3")).isEqualTo("'-2+3");
		assertThat(CsvCells.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvCells.text("\t=1")).isEqualTo("'\t=1");
		assertThat(CsvCells.text("\r=1")).isEqualTo("\"'\r=1\"");
	}

	@Test
	void leavesOrdinaryTextAndTheSuitesOwnNumbersAlone() {
		assertThat(CsvCells.text("Bright Smile Dental")).isEqualTo("Bright Smile Dental");
		assertThat(CsvCells.text("a, b")).isEqualTo("\"a, b\"");
		assertThat(CsvCells.text("a=b")).isEqualTo("a=b");
		assertThat(CsvCells.text(null)).isEmpty();
		assertThat(CsvCells.number(-5)).isEqualTo("-5");
		assertThat(CsvCells.number(2.5)).isEqualTo("2.5");
	}

}
