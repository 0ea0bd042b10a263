package com.chairside.account.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.chairside.platform.outbox.AggregateRoot;

/** A dental practice or organisation the company sells to, owned by an account manager of its region. */
@Document("accounts")
public class Account extends AggregateRoot {

	@Id
	private String id;

	@Version
	private Long version;

	/** The lead it was converted from; unique, so a lead opens at most one account. */
	@Indexed(unique = true, sparse = true)
	private String leadId;

	private String name;

	@Indexed
	private String region;

	private String specialty;

	private String city;

	private String country;

	private String owner;

	private AccountStatus status;

	private Instant openedAt;

	protected Account() {
	}

	/**
	 * Opens an account under {@code id}, which lead-service chose at conversion so that the account manager can follow
	 * it before it exists here.
	 */
	public static Account open(String id, AccountDetails details, Instant now) {
		Account account = new Account();
		account.id = id;
		account.leadId = details.leadId();
		account.name = details.name();
		account.region = details.region();
		account.specialty = details.specialty();
		account.city = details.city();
		account.country = details.country();
		account.owner = details.owner();
		account.status = AccountStatus.PROSPECT;
		account.openedAt = now;
		account.raise(new AccountOpened(id, account.leadId, account.name, account.region, account.specialty,
				account.city, account.country, account.owner, account.status, now));
		return account;
	}

	public String id() { return this.id; }
	public Long version() { return this.version; }
	public String leadId() { return this.leadId; }
	public String name() { return this.name; }
	public String region() { return this.region; }
	public String specialty() { return this.specialty; }
	public String city() { return this.city; }
	public String country() { return this.country; }
	public String owner() { return this.owner; }
	public AccountStatus status() { return this.status; }
	public Instant openedAt() { return this.openedAt; }

}
