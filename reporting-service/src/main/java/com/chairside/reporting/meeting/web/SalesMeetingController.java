package com.chairside.reporting.meeting.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.InvalidFieldException;
import com.chairside.reporting.meeting.SalesMeetingPacks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/reports/sales-meeting?region=&period=} answers the pack as JSON, CSV or PDF by the {@code Accept}
 * header (JSON when any will do). The media type is chosen here rather than by {@code produces}, so that a refused
 * {@code Accept} (406) and a bad period (400) still answer as problem+json whatever the client asked for.
 */
@RestController
@RequestMapping("/api/reports")
class SalesMeetingController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv");

	private static final List<MediaType> OFFERED = List.of(MediaType.APPLICATION_JSON, CSV, MediaType.APPLICATION_PDF);

	private final SalesMeetingPacks packs;

	private final JsonMapper json;

	SalesMeetingController(SalesMeetingPacks packs, JsonMapper json) {
		this.packs = packs;
		this.json = json;
	}

	@GetMapping("/sales-meeting")
	ResponseEntity<byte[]> salesMeeting(@RequestParam(required = false) @Pattern(regexp = "ALL|[A-Z][A-Z0-9_]*") String region,
			@RequestParam(required = false) String period, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
		MediaType answer = negotiate(accept);
		if (answer == null) {
			return problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "The sales-meeting pack is served as "
					+ "application/json, text/csv or application/pdf, not " + accept, null);
		}
		Map<String, Object> pack;
		try {
			pack = this.packs.pack(region, period, CurrentUser.get());
		}
		catch (InvalidFieldException ex) {
			return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.field() + " " + ex.getMessage(),
					List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		}
		JsonNode tree = this.json.valueToTree(pack);
		String name = "sales-meeting-" + tree.path("region").asString() + "-" + tree.path("period").asString();
		if (answer.equals(CSV)) {
			return file(PackCsv.render(tree), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), name + ".csv");
		}
		if (answer.equals(MediaType.APPLICATION_PDF)) {
			return file(PackPdf.render(tree), MediaType.APPLICATION_PDF, name + ".pdf");
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.json.writeValueAsBytes(tree));
	}

	/** The offered type the client prefers most (by q, then in the order it listed them); null when none fits. */
	static MediaType negotiate(String accept) {
		if (accept == null || accept.isBlank()) {
			return MediaType.APPLICATION_JSON;
		}
		List<MediaType> asked;
		try {
			asked = new ArrayList<>(MediaType.parseMediaTypes(accept));
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
		asked.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : asked) {
			if (type.getQualityValue() <= 0) {
				continue;
			}
			for (MediaType offered : OFFERED) {
				if (type.includes(offered)) {
					return offered;
				}
			}
		}
		return null;
	}

	private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
			.body(body);
	}

	private ResponseEntity<byte[]> problem(HttpStatus status, String title, String detail, List<Map<String, String>> errors) {
		Map<String, Object> problem = new java.util.LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", "/api/reports/sales-meeting");
		if (errors != null) {
			problem.put("errors", errors);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(this.json.writeValueAsBytes(problem));
	}

}
