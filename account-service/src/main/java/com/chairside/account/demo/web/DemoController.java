package com.chairside.account.demo.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.account.demo.Demo;
import com.chairside.account.demo.DemoManagement;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.InvalidFieldException;

/** Demos: 201 when the unit is free then, 409 when it is already booked. */
@RestController
@RequestMapping("/api/demos")
class DemoController {

	private final DemoManagement demos;

	DemoController(DemoManagement demos) {
		this.demos = demos;
	}

	@PostMapping
	ResponseEntity<DemoView> schedule(@Valid @RequestBody ScheduleDemoRequest request) {
		Demo demo = this.demos.schedule(request.accountId(), request.demoUnit().strip(), request.products(),
				request.start(), request.end(), CurrentUser.get());
		return ResponseEntity.created(URI.create("/api/demos/" + demo.id())).body(DemoView.of(demo));
	}

	/** A demo unit's calendar ({@code demoUnit}) or an account's demos ({@code accountId}), by start time. */
	@GetMapping
	Map<String, Object> list(@RequestParam(required = false) String accountId,
			@RequestParam(required = false) String demoUnit) {
		if (accountId == null && demoUnit == null) {
			throw new InvalidFieldException("accountId", "give accountId or demoUnit");
		}
		List<DemoView> demos = this.demos.list(accountId, demoUnit, CurrentUser.get()).stream().map(DemoView::of).toList();
		return Map.of("items", demos, "total", demos.size());
	}

	@GetMapping("/{id}")
	DemoView demo(@PathVariable String id) {
		return DemoView.of(this.demos.find(id, CurrentUser.get()));
	}

	@PostMapping("/{id}/complete")
	DemoView complete(@PathVariable String id, @Valid @RequestBody CompleteDemoRequest request) {
		return DemoView.of(this.demos.complete(id, request.outcome(), request.notes(), CurrentUser.get()));
	}

}
