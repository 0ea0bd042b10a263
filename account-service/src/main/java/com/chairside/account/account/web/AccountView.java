package com.chairside.account.account.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.chairside.account.account.Account;
import com.chairside.account.account.AccountKind;
import com.chairside.account.account.AccountStatus;
import com.chairside.account.account.BuyingCommittee;
import com.chairside.account.account.Completeness;
import com.chairside.account.account.installed.web.InstalledUnitView;

/** An account as the sales UI shows it. */
public record AccountView(String id, String leadId, String name, String region, String specialty, String city,
		String country, String owner, AccountStatus status, Long version, Instant openedAt, AccountKind kind,
		String taxId, AddressBody billingAddress, AddressBody siteAddress, String resellerId, boolean channelConflict,
		Set<String> channelConflictWith, Instant lastActivityAt, Instant customerSince, List<ContactView> contacts,
		BuyingCommittee buyingCommittee, Completeness completeness, List<InstalledUnitView> installedBase) {

	static AccountView of(Account a) {
		return new AccountView(a.id(), a.leadId(), a.name(), a.region(), a.specialty(), a.city(), a.country(),
				a.owner(), a.status(), a.version(), a.openedAt(), a.kind(), a.taxId(), AddressBody.of(a.billingAddress()),
				AddressBody.of(a.siteAddress()), a.resellerId(), !a.channelConflicts().isEmpty(), a.channelConflicts(),
				a.lastActivityAt(), a.customerSince(), a.contacts().stream().map(ContactView::of).toList(), a.buyingCommittee(), a.completeness(),
				a.installedBase().stream().map(InstalledUnitView::of).toList());
	}

}
