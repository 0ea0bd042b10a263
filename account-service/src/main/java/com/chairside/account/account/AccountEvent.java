package com.chairside.account.account;

/** What happened to an account, as published on {@code chairside.accounts} (see contracts/events). */
public sealed interface AccountEvent permits AccountOpened, AccountUpdated, AccountOwnerChanged, AccountStatusChanged,
		ContactAdded, ActivityLogged, ChannelConflictDetected, OrderMailRecipientChanged {

	String accountId();

}
