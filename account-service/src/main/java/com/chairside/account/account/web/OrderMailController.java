package com.chairside.account.account.web;

import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.account.account.Account;
import com.chairside.account.account.AccountManagement;
import com.chairside.account.account.OrderMailRecipient;
import com.chairside.platform.security.CurrentUser;

/**
 * Who at the practice hears of its orders (confirmation and delivery-date changes, with the order form) and in which
 * language; contacts may opt out. Each change is published as {@code OrderMailRecipientChanged}.
 */
@RestController
@RequestMapping("/api/accounts/{id}")
class OrderMailController {

	private final AccountManagement accounts;

	OrderMailController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@Operation(summary = "Who receives the practice's order mail, in which language, and who opted out")
	@GetMapping("/order-mail")
	OrderMailView orderMail(@PathVariable String id) {
		return OrderMailView.of(this.accounts.find(id, CurrentUser.get()));
	}

	@Operation(summary = "Marks the contact to receive order mail (none: the practice's e-mail) and sets the language")
	@PutMapping("/order-mail")
	OrderMailView setOrderMail(@PathVariable String id, @Valid @RequestBody OrderMailRequest request) {
		return OrderMailView.of(this.accounts.orderMail(id, request.contactId(), request.language(), CurrentUser.get()));
	}

	@Operation(summary = "The contact asks not to be mailed; if they receive order mail, nobody does until opt-in")
	@PostMapping("/contacts/{contactId}/opt-out")
	OrderMailView optOut(@PathVariable String id, @PathVariable String contactId) {
		return OrderMailView.of(this.accounts.optOut(id, contactId, true, CurrentUser.get()));
	}

	@Operation(summary = "The contact agrees to be mailed again")
	@PostMapping("/contacts/{contactId}/opt-in")
	OrderMailView optIn(@PathVariable String id, @PathVariable String contactId) {
		return OrderMailView.of(this.accounts.optOut(id, contactId, false, CurrentUser.get()));
	}

	/**
	 * @param contactId the contact to receive order mail; null or absent: the practice's own e-mail
	 * @param language {@code en} or {@code de}; absent: unchanged (by default the one the account's country speaks)
	 */
	record OrderMailRequest(@Size(max = 100) String contactId, @Pattern(regexp = "en|de") String language) {
	}

	/** Where order mail goes now ({@code email} null: nobody), and the contacts who opted out. */
	record OrderMailView(String contactId, String email, String language, Set<String> optedOutContacts) {

		static OrderMailView of(Account account) {
			OrderMailRecipient recipient = account.orderMailRecipient();
			return new OrderMailView(recipient.contactId(), recipient.email(), recipient.language(),
					account.optedOutContacts());
		}

	}

}
