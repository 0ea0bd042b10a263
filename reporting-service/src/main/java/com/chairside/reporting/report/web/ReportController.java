package com.chairside.reporting.report.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Pattern;

import com.chairside.platform.security.CurrentUser;
import com.chairside.reporting.report.Reports;
import com.chairside.reporting.report.Reports.OrdersReport;
import com.chairside.reporting.report.Reports.PipelineReport;

/** What a sales meeting reads: the lead pipeline and the order figures of a region. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

	private static final String REGION = "[A-Z][A-Z0-9_]*";

	private final Reports reports;

	ReportController(Reports reports) {
		this.reports = reports;
	}

	@GetMapping("/pipeline")
	PipelineReport pipeline(@RequestParam(required = false) @Pattern(regexp = REGION) String region) {
		return this.reports.pipeline(region, CurrentUser.get());
	}

	@GetMapping("/orders")
	OrdersReport orders(@RequestParam(required = false) @Pattern(regexp = REGION) String region) {
		return this.reports.orders(region, CurrentUser.get());
	}

}
