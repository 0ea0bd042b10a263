package com.chairside.lead.lead.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.lead.lead.Contact;
import com.chairside.lead.lead.Lead;
import com.chairside.lead.lead.LeadManagement;
import com.chairside.lead.lead.LeadStatus;
import com.chairside.platform.security.CurrentUser;

/** Leads for the sales UI: capture, contacts, qualification and conversion. */
@RestController
@RequestMapping("/api/leads")
class LeadController {



	private final LeadManagement leads;

	LeadController(LeadManagement leads) {
		this.leads = leads;
	}

	@PostMapping
	ResponseEntity<LeadView> capture(@Valid @RequestBody CaptureLeadRequest request) {
		CurrentUser user = CurrentUser.get();
		Lead lead = this.leads.capture(request.toDetails(user.region()), user);
		return ResponseEntity.created(URI.create("/api/leads/" + lead.id())).body(LeadView.of(lead));
	}

	@GetMapping("/{id}")
	LeadView lead(@PathVariable String id) {
		return LeadView.of(this.leads.find(id, CurrentUser.get()));
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(required = false) String region,
			@RequestParam(required = false) LeadStatus status, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		Page<Lead> found = this.leads.list(region, status, CurrentUser.get(),
				PageRequest.of(page, size, Sort.by("capturedAt").descending()));
		List<LeadView> items = found.map(LeadView::of).getContent();
		return Map.of("items", items, "page", page, "size", size, "total", found.getTotalElements());
	}

	@PostMapping("/{id}/contacts")
	ResponseEntity<Contact> addContact(@PathVariable String id, @Valid @RequestBody AddContactRequest request) {
		Contact contact = this.leads.addContact(id, request.toContact(), CurrentUser.get());
		return ResponseEntity.created(URI.create("/api/leads/" + id + "/contacts/" + contact.id())).body(contact);
	}

	@PostMapping("/{id}/qualify")
	LeadView qualify(@PathVariable String id) {
		return LeadView.of(this.leads.qualify(id, CurrentUser.get()));
	}

	/** The account is opened by account-service from the event; the answer names it so the UI can follow. */
	@PostMapping("/{id}/convert")
	ResponseEntity<ConversionView> convert(@PathVariable String id) {
		Lead lead = this.leads.convert(id, CurrentUser.get());
		return ResponseEntity.accepted()
			.location(URI.create("/api/accounts/" + lead.accountId()))
			.body(new ConversionView(lead.id(), lead.accountId(), lead.status()));
	}

	record ConversionView(String leadId, String accountId, LeadStatus status) {
	}

}
