package com.chairside.account.account.web;

import java.net.URI;
import java.util.Map;

import jakarta.validation.Valid;

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

import com.chairside.account.account.Account;
import com.chairside.account.account.AccountManagement;
import com.chairside.platform.security.CurrentUser;

/** Accounts for the sales UI. */
@RestController
@RequestMapping("/api/accounts")
class AccountController {


	private final AccountManagement accounts;

	AccountController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	/** 404 until account-service has opened it from the lead's conversion. */
	@GetMapping("/{id}")
	AccountView account(@PathVariable String id) {
		return AccountView.of(this.accounts.find(id, CurrentUser.get()));
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Page<Account> found = this.accounts.list(region, CurrentUser.get(),
				PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500), Sort.by("openedAt").descending()));
		return Map.of("items", found.map(AccountView::of).getContent(), "page", page, "total", found.getTotalElements());
	}

	@PostMapping
	ResponseEntity<AccountView> open(@Valid @RequestBody OpenAccountRequest request) {
		CurrentUser user = CurrentUser.get();
		Account account = this.accounts.open(request.toDetails(user.region(), user.id()), user);
		return ResponseEntity.created(URI.create("/api/accounts/" + account.id())).body(AccountView.of(account));
	}

}
