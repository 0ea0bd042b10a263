package com.chairside.reporting.meeting;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.chairside.reporting.activity.Demo;
import com.chairside.reporting.activity.LoggedActivity;
import com.chairside.reporting.market.InstalledBaseCopy;
import com.chairside.reporting.orders.OrderFigures;
import com.chairside.reporting.pipeline.LeadProgress;
import com.chairside.reporting.pipeline.OpenedAccount;
import com.chairside.reporting.targets.RegionTarget;

/** Every projection document of the region (or all regions) a pack is made from. */
record MeetingFacts(List<LeadProgress> leads, List<OpenedAccount> accounts, List<OrderFigures> orders,
		List<LoggedActivity> activities, List<Demo> demos, List<RegionTarget> targets,
		List<InstalledBaseCopy> installedBase) {

	Map<String, OpenedAccount> accountsById() {
		return this.accounts.stream().collect(Collectors.toMap(OpenedAccount::accountId, Function.identity()));
	}

	/** The orders of each account, for demos and conferences that led to orders. */
	Map<String, List<OrderFigures>> ordersByAccount() {
		return this.orders.stream()
			.filter((o) -> o.accountId() != null)
			.collect(Collectors.groupingBy(OrderFigures::accountId));
	}

}
