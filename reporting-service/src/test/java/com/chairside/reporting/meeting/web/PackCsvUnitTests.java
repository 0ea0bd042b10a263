package com.chairside.reporting.meeting.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PackCsvUnitTests {

	@Test
	void textASpreadsheetWouldRunIsInertAndTheSuitesNumbersStayNumbers() {
		String pack = """
				{"region":"=cmd|' /C calc'!A0","period":"2026-11",
				 "activity":{"conferences":[{"month":"@SUM(A1:A9)","leads":-5,"share":12.5}]},
				 "lost":{"+Evil Dental":{"orders":2}},"funnel":{"bySource":{"=X()":3}},"note":"-1+1","tab":"\\tx"}""";
		String csv = new String(PackCsv.render(JsonMapper.builder().build().readTree(pack)), StandardCharsets.UTF_8);

		assertThat(csv.lines()).contains("pack,,region,'=cmd|' /C calc'!A0",
				"activity,conferences / @SUM(A1:A9),leads,-5", "activity,conferences / @SUM(A1:A9),share,12.5",
				"lost,'+Evil Dental,orders,2", "funnel,bySource,'=X(),3", "pack,,note,'-1+1", "pack,,tab,'\tx");
	}

}
