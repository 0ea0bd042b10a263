package com.chairside.account.account.web;

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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.account.account.Account;
import com.chairside.account.account.AccountFilter;
import com.chairside.account.account.AccountKind;
import com.chairside.account.account.AccountManagement;
import com.chairside.account.account.AccountStatus;
import com.chairside.account.account.Contact;
import com.chairside.account.account.FieldChange;
import com.chairside.account.activity.ActivityLog;
import com.chairside.platform.security.CurrentUser;

/** Accounts for the sales UI. */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

	private final AccountManagement accounts;

	private final ActivityLog activities;

	AccountController(AccountManagement accounts, ActivityLog activities) {
		this.accounts = accounts;
		this.activities = activities;
	}

	/** 404 until account-service has opened it from the lead's conversion. */
	@GetMapping("/{id}")
	AccountView account(@PathVariable String id) {
		return AccountView.of(this.accounts.find(id, CurrentUser.get()));
	}

	/** Newest first; account managers see their own region whatever {@code region} says. */
	@GetMapping
	Map<String, Object> list(@RequestParam(required = false) String region,
			@RequestParam(required = false) AccountStatus status, @RequestParam(required = false) String owner,
			@RequestParam(required = false) AccountKind kind, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		Page<Account> found = this.accounts.list(new AccountFilter(region, status, owner, kind), CurrentUser.get(),
				PageRequest.of(page, size, Sort.by("openedAt").descending()));
		return Map.of("items", found.map(AccountView::of).getContent(), "page", page, "total", found.getTotalElements());
	}

	@PostMapping
	ResponseEntity<AccountView> open(@Valid @RequestBody OpenAccountRequest request) {
		CurrentUser user = CurrentUser.get();
		Account account = this.accounts.open(request.toDetails(user.region(), user.id()), user);
		return ResponseEntity.created(URI.create("/api/accounts/" + account.id())).body(AccountView.of(account));
	}

	@PatchMapping("/{id}")
	AccountView update(@PathVariable String id, @Valid @RequestBody UpdateAccountRequest request) {
		return AccountView.of(this.accounts.update(id, request.toChanges(), CurrentUser.get()));
	}

	/** Who changed which field, when, from what to what; oldest first. */
	@GetMapping("/{id}/history")
	List<FieldChange> history(@PathVariable String id) {
		return this.accounts.find(id, CurrentUser.get()).fieldHistory();
	}

	@PostMapping("/{id}/contacts")
	ResponseEntity<ContactView> addContact(@PathVariable String id, @Valid @RequestBody AddContactRequest request) {
		Contact contact = this.accounts.addContact(id, request.name().strip(), AddressBody.strip(request.title()),
				AddressBody.strip(request.email()), AddressBody.strip(request.phone()), request.buyingRole(),
				CurrentUser.get());
		return ResponseEntity.created(URI.create("/api/accounts/" + id + "/contacts/" + contact.id())).body(ContactView.of(contact));
	}

	/** A territory change: one operation, one AccountOwnerChanged per account that changed hands. */
	@PostMapping("/reassignments")
	Map<String, Object> reassign(@Valid @RequestBody ReassignRequest request) {
		List<String> moved = this.accounts.reassign(request.accountIds(), request.fromOwner(), request.region(),
				request.toOwner(), request.reason(), CurrentUser.get());
		moved.forEach((id) -> this.activities.handOver(id, request.toOwner()));
		return Map.of("toOwner", request.toOwner(), "reassigned", moved.size(), "accountIds", moved);
	}

}
