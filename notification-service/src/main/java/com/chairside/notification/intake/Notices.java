package com.chairside.notification.intake;

import java.util.stream.Collectors;

import com.chairside.notification.notification.Notice;
import com.chairside.notification.routing.EventFacts;
import com.chairside.notification.routing.Reach;
import com.chairside.platform.inbox.IncomingEvent;

/** What recipients read of each event: a subject line and a short body; the changes travel as a list. */
final class Notices {

	private Notices() {
	}

	static Notice of(IncomingEvent event, EventFacts facts, Reach reach) {
		return new Notice(event.id(), event.name(), facts.orderId(), accountOf(facts), facts.region(), event.time(),
				subject(event.name(), facts), body(event.name(), facts), facts.changes(), reach.departments(),
				reach.people(), null);
	}

	private static String accountOf(EventFacts facts) {
		return (facts.accountId() != null) ? facts.accountId() : facts.directAccountId();
	}

	static String subject(String name, EventFacts f) {
		return switch (name) {
			case "OrderPlaced" -> "Order " + f.orderId() + " placed, delivery requested for " + f.requestedDeliveryDate();
			case "OrderChanged" -> "Order " + f.orderId() + " changed: " + f.reason();
			case "OrderCancelled" -> "Order " + f.orderId() + " cancelled: " + f.reason();
			case "DeliveryCommitmentAtRisk" -> "Delivery of order " + f.orderId() + " on " + f.committedDeliveryDate()
					+ " at risk";
			case "DeliveryCommitmentMissed" -> "Delivery of order " + f.orderId() + " missed its date "
					+ f.committedDeliveryDate();
			case "LeadAssigned" -> "Lead " + f.leadId() + " assigned to you";
			case "ChannelConflictDetected" -> "Channel conflict: accounts " + f.directAccountId() + " and "
					+ f.resellerServedAccountId();
			default -> name + " " + f.orderId();
		};
	}

	static String body(String name, EventFacts f) {
		StringBuilder body = new StringBuilder();
		if (f.orderId() != null) {
			body.append("Order ").append(f.orderId()).append(" of account ").append(f.accountId())
				.append(" (region ").append(f.region()).append(")\n");
		}
		if (f.leadId() != null) {
			body.append("Lead ").append(f.leadId()).append(" (region ").append(f.region()).append(") is now owned by ")
				.append(f.owner());
			if (f.previousOwner() != null) {
				body.append(", before by ").append(f.previousOwner());
			}
			body.append('\n');
		}
		if (name.equals("ChannelConflictDetected")) {
			body.append("Account ").append(f.directAccountId()).append(" (served directly, owner ")
				.append(f.directOwner()).append(") and account ").append(f.resellerServedAccountId())
				.append(" (served through a reseller, owner ").append(f.resellerServedOwner())
				.append(") look like the same practice.\n");
		}
		if (f.reason() != null) {
			body.append("Reason: ").append(f.reason()).append('\n');
		}
		if (!f.lines().isEmpty() && !name.equals("OrderCancelled")) {
			body.append("Lines now:\n").append(f.lines().stream()
				.map((l) -> "  " + l.quantity() + " x " + l.sku())
				.collect(Collectors.joining("\n"))).append('\n');
		}
		if (f.requestedDeliveryDate() != null) {
			body.append("Requested delivery: ").append(f.requestedDeliveryDate()).append('\n');
		}
		if (f.committedDeliveryDate() != null) {
			body.append("Committed delivery: ").append(f.committedDeliveryDate()).append('\n');
		}
		if (f.daysLate() != null) {
			body.append("Days late: ").append(f.daysLate()).append('\n');
		}
		if (f.slackDays() != null) {
			body.append("Days of slack left: ").append(f.slackDays()).append('\n');
		}
		if (f.total() != null) {
			body.append(name.equals("OrderCancelled") ? "Value no longer booked: " : "Order value: ")
				.append(f.total()).append('\n');
		}
		return body.toString();
	}

}
