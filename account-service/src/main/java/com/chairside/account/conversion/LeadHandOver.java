package com.chairside.account.conversion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import com.chairside.account.account.AccountDetails;
import com.chairside.account.account.AccountManagement;
import com.chairside.account.account.AccountManagement.LeadContact;
import com.chairside.account.account.BuyingRole;
import com.chairside.account.activity.ActivityType;
import com.chairside.account.activity.Direction;
import com.chairside.account.activity.LeadActivities;
import com.chairside.account.activity.LeadActivities.LoggedOnLead;
import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.inbox.PoisonMessageException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Makes sure that nothing done on a lead is lost when it becomes an account: the activities logged on it (learnt as
 * they happen, so that their next steps are overdue like an account's; they follow the lead's owner and its merges)
 * and, on conversion, its contacts with their buying roles and those activities, whether the lead opens a new account
 * or joins one its practice already had.
 */
@Component
class LeadHandOver {

	private final AccountManagement accounts;

	private final LeadActivities activities;

	LeadHandOver(AccountManagement accounts, LeadActivities activities) {
		this.accounts = accounts;
		this.activities = activities;
	}

	/** Activities logged on leads, and what happens to the leads that have them; other events are not for here. */
	void apply(IncomingEvent event, JsonMapper json) {
		switch (event.name()) {
			case "LeadActivityLogged" -> {
				ActivityOnLead logged = event.dataAs(ActivityOnLead.class, json);
				if (logged.leadId() == null || logged.activityId() == null || logged.region() == null
						|| logged.occurredAt() == null) {
					throw new PoisonMessageException("LeadActivityLogged " + event.id()
							+ " lacks leadId, activityId, region or occurredAt");
				}
				this.activities.learn(logged.toActivity());
			}
			case "LeadAssigned" -> {
				LeadOwner assigned = event.dataAs(LeadOwner.class, json);
				if (assigned.leadId() != null && assigned.owner() != null) {
					this.activities.reassigned(assigned.leadId(), assigned.owner());
				}
			}
			case "LeadsMerged" -> {
				LeadMerge merge = event.dataAs(LeadMerge.class, json);
				if (merge.leadId() != null && merge.mergedLeadId() != null) {
					this.activities.merged(merge.leadId(), merge.mergedLeadId());
				}
			}
			default -> {
				// the lead's other events change nothing it hands over
			}
		}
	}

	/**
	 * Opens the converted lead's account with its contacts, or adds them to the account the lead was converted into;
	 * then the lead's activities are on that account's timeline.
	 */
	void convert(IncomingEvent event, ConvertedLead lead, AccountDetails details) {
		List<LeadContact> contacts = (lead.contacts() != null)
				? lead.contacts().stream().filter((c) -> c.contactId() != null).map(LeadHandOver::contact).toList()
				: List.of();
		if (Boolean.TRUE.equals(lead.existingAccount())) {
			if (!this.accounts.joinConvertedLead(lead.accountId(), lead.leadId(), contacts)) {
				throw new PoisonMessageException("LeadConverted " + event.id() + " names account " + lead.accountId()
						+ ", which is not here");
			}
		}
		else {
			this.accounts.openForConvertedLead(lead.accountId(), details, lead.email(), lead.phone(), contacts);
		}
		this.activities.converted(lead.leadId(), lead.accountId());
	}

	private static LeadContact contact(ConvertedLead.ConvertedContact c) {
		return new LeadContact(c.contactId(), c.name(), c.title(), c.email(), c.phone(), known(BuyingRole.class, c.buyingRole()));
	}

	/** A value this service does not know (a newer lead-service) is left out rather than refused. */
	private static <E extends Enum<E>> E known(Class<E> type, String name) {
		return Arrays.stream(type.getEnumConstants()).filter((e) -> e.name().equals(name)).findFirst().orElse(null);
	}

	/** The part of {@code LeadActivityLogged} kept here. */
	record ActivityOnLead(String leadId, String region, String owner, String activityId, String type,
			String direction, Instant occurredAt, List<String> participants, String summary, String outcome,
			NextStep nextStep, String loggedBy, Instant loggedAt) {

		record NextStep(String action, LocalDate due) {
		}

		LoggedOnLead toActivity() {
			return new LoggedOnLead(this.leadId, this.region, this.owner, this.activityId,
					known(ActivityType.class, this.type), known(Direction.class, this.direction), this.occurredAt,
					this.participants, this.summary, this.outcome, (this.nextStep != null) ? this.nextStep.action() : null,
					(this.nextStep != null) ? this.nextStep.due() : null, this.loggedBy, this.loggedAt);
		}

	}

	/** The part of {@code LeadAssigned} read here. */
	record LeadOwner(String leadId, String owner) {
	}

	/** The part of {@code LeadsMerged} read here. */
	record LeadMerge(String leadId, String mergedLeadId) {
	}

}
