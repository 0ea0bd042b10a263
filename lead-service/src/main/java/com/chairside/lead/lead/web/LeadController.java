package com.chairside.lead.lead.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.lead.lead.Contact;
import com.chairside.lead.lead.DisqualificationReason;
import com.chairside.lead.lead.FieldChange;
import com.chairside.lead.lead.Lead;
import com.chairside.lead.lead.LeadManagement;
import com.chairside.lead.lead.LeadManagement.ConversionTarget;
import com.chairside.lead.lead.LeadManagement.LeadFilter;
import com.chairside.lead.lead.LeadStatus;
import com.chairside.lead.lead.NewLead;
import com.chairside.lead.lead.Qualification;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.InvalidFieldException;

import io.swagger.v3.oas.annotations.Operation;

/** Leads for the sales UI: capture, update, contacts, assignment, qualification, conversion and merging. */
@RestController
@RequestMapping("/api/leads")
class LeadController {

	private final LeadManagement leads;

	LeadController(LeadManagement leads) {
		this.leads = leads;
	}

	/**
	 * A lead matching an existing one answers 409 with {@code existingId} (or, for a match in a region the caller cannot
	 * read, {@code askSalesManagerOf} and no id), unless {@code allowDuplicate=true}.
	 */
	@PostMapping
	ResponseEntity<LeadView> capture(@Valid @RequestBody NewLead request,
			@RequestParam(defaultValue = "false") boolean allowDuplicate) {
		Lead lead = this.leads.capture(request.toDetails(), CurrentUser.get(), allowDuplicate);
		return ResponseEntity.created(URI.create("/api/leads/" + lead.id())).body(LeadView.of(lead));
	}

	@GetMapping("/{id}")
	LeadView lead(@PathVariable String id) {
		return LeadView.of(this.leads.find(id, CurrentUser.get()));
	}

	@PatchMapping("/{id}")
	LeadView update(@PathVariable String id, @Valid @RequestBody UpdateLeadRequest request,
			@RequestParam(defaultValue = "false") boolean allowDuplicate) {
		return LeadView.of(this.leads.update(id, request.toChanges(), CurrentUser.get(), allowDuplicate));
	}

	@GetMapping("/{id}/history")
	List<FieldChange> history(@PathVariable String id) {
		return this.leads.history(id, CurrentUser.get());
	}

	/**
	 * {@code completenessBelow=80} lists the leads whose record is less complete than that; {@code missing=email}
	 * those lacking a field.
	 */
	@GetMapping
	Map<String, Object> list(@RequestParam(required = false) String region,
			@RequestParam(required = false) LeadStatus status,
			@RequestParam(required = false) @Min(0) @Max(101) Integer completenessBelow,
			@RequestParam(required = false) String missing, @RequestParam(required = false) String owner,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		Page<Lead> found = this.leads.list(new LeadFilter(region, status, completenessBelow, missing, owner),
				CurrentUser.get(), PageRequest.of(page, size, Sort.by("capturedAt").descending()));
		List<LeadView> items = found.map(LeadView::of).getContent();
		return Map.of("items", items, "page", page, "size", size, "total", found.getTotalElements());
	}

	@PostMapping("/{id}/contacts")
	ResponseEntity<Contact> addContact(@PathVariable String id, @Valid @RequestBody AddContactRequest request) {
		Contact contact = this.leads.addContact(id, request.toContact(), CurrentUser.get());
		return ResponseEntity.created(URI.create("/api/leads/" + id + "/contacts/" + contact.id())).body(contact);
	}

	@PostMapping("/{id}/assign")
	LeadView assign(@PathVariable String id, @Valid @RequestBody AssignRequest request) {
		return LeadView.of(this.leads.assign(id, request.owner(), CurrentUser.get()));
	}

	@GetMapping("/{id}/qualification")
	Qualification qualification(@PathVariable String id) {
		return this.leads.qualification(id, CurrentUser.get());
	}

	@PostMapping("/{id}/qualify")
	LeadView qualify(@PathVariable String id) {
		return LeadView.of(this.leads.qualify(id, CurrentUser.get()));
	}

	@PostMapping("/{id}/disqualify")
	@Operation(summary = "Stop pursuing the lead",
			description = "reason from the list and a note; with reason BOUGHT_FROM_COMPETITOR the competitor the lead"
					+ " was lost to is required (400 naming competitor without it, and with any other reason), and is"
					+ " published in LeadDisqualified for the sales-meeting pack's market section.")
	LeadView disqualify(@PathVariable String id, @Valid @RequestBody DisqualifyRequest request) {
		return LeadView.of(this.leads.disqualify(id, request.reason(), request.note().strip(), request.competitorName(),
				CurrentUser.get()));
	}

	/** The account is opened (or joined) by account-service from the event; the answer names it so the UI can follow. */
	@PostMapping("/{id}/convert")
	@Operation(summary = "Convert the qualified lead into an account",
			description = "Without a body (or with {}), account-service is asked first whether the practice has an"
					+ " account in the lead's region (same e-mail, phone, or name and postal code): if so, 409"
					+ " ACCOUNT_EXISTS with accountId, matchedOn and matches, and nothing is converted. {\"accountId\":...}"
					+ " converts into that account (404 if unknown or of another region): the lead's contacts and"
					+ " activities join it; {\"newAccount\":true} opens a new account regardless. 202 names the account"
					+ " (existingAccount tells which); LeadConverted carries the contacts with their buying roles. 422"
					+ " LEAD_NOT_QUALIFIED before qualification; 503 ACCOUNT_SERVICE_UNAVAILABLE with Retry-After when"
					+ " account-service cannot be asked (nothing converted). A converted lead answers its account again.")
	ResponseEntity<ConversionView> convert(@PathVariable String id,
			@Valid @RequestBody(required = false) ConvertRequest request) {
		ConvertRequest asked = (request != null) ? request : new ConvertRequest(null, null);
		if (asked.accountId() != null && Boolean.TRUE.equals(asked.newAccount())) {
			throw new InvalidFieldException("newAccount", "cannot be combined with accountId");
		}
		Lead lead = this.leads.convert(id, new ConversionTarget(asked.accountId(), Boolean.TRUE.equals(asked.newAccount())),
				CurrentUser.get());
		return ResponseEntity.accepted()
			.location(URI.create("/api/accounts/" + lead.accountId()))
			.body(new ConversionView(lead.id(), lead.accountId(), lead.status(), lead.convertedIntoExistingAccount()));
	}

	/** Merges the lead named in the body into this one, which survives. */
	@PostMapping("/{id}/merge")
	LeadView merge(@PathVariable String id, @Valid @RequestBody MergeRequest request) {
		return LeadView.of(this.leads.merge(id, request.duplicateId(), CurrentUser.get()));
	}

	/** {@code existingAccount}: converted into an account the practice had already. */
	record ConversionView(String leadId, String accountId, LeadStatus status, boolean existingAccount) {
	}

	/** Into which account: the practice's existing one, or a new one even though the practice has one. */
	record ConvertRequest(@Size(max = 100) String accountId, Boolean newAccount) {
	}

	record AssignRequest(@NotBlank @Size(max = 100) String owner) {
	}

	record DisqualifyRequest(@NotNull DisqualificationReason reason, @NotBlank @Size(max = 2000) String note,
			@Size(max = 200) String competitor) {

		/** The competitor, stripped: required for a lead lost to one, refused with any other reason. */
		String competitorName() {
			boolean given = this.competitor != null && !this.competitor.isBlank();
			if (this.reason == DisqualificationReason.BOUGHT_FROM_COMPETITOR && !given) {
				throw new InvalidFieldException("competitor", "is required when the reason is BOUGHT_FROM_COMPETITOR");
			}
			if (this.reason != DisqualificationReason.BOUGHT_FROM_COMPETITOR && given) {
				throw new InvalidFieldException("competitor", "is only given when the reason is BOUGHT_FROM_COMPETITOR");
			}
			return given ? this.competitor.strip() : null;
		}

	}

	record MergeRequest(@NotBlank String duplicateId) {
	}

}
