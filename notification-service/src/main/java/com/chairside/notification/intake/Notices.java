package com.chairside.notification.intake;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.chairside.notification.accounts.AccountDirectory;
import com.chairside.notification.notification.Notice;
import com.chairside.notification.routing.EventFacts;
import com.chairside.notification.routing.Reach;
import com.chairside.notification.texts.Texts;
import com.chairside.platform.inbox.IncomingEvent;

/**
 * What recipients read of each event: a subject line naming the practice and the order number
 * ({@code templates/subjects/<event>.txt}) and a short body ({@code templates/body.txt}); the changes travel as a list.
 * The practice's name comes from the accounts this service follows; while it is not known yet, the subject names the
 * order number alone and the mail dispatcher names the practice once it is.
 */
@Component
class Notices {

	private final Texts texts;

	private final AccountDirectory accounts;

	Notices(Texts texts, AccountDirectory accounts) {
		this.texts = texts;
		this.accounts = accounts;
	}

	/** The notice of an event, with its practice's name read already (where {@link #namesPractice} it). */
	Notice of(IncomingEvent event, EventFacts facts, Reach reach, String practice) {
		String accountId = accountOf(facts);
		Map<String, Object> model = model(event.name(), facts, accountId, practice);
		String subjectTemplate = "subjects/" + event.name();
		String subject = this.texts.has(subjectTemplate) ? this.texts.subject(subjectTemplate, model)
				: Texts.oneLine(event.name() + " " + facts.orderId());
		return new Notice(event.id(), event.name(), facts.orderId(), facts.orderNumber(), practice, accountId,
				facts.region(), event.time(), subject, this.texts.text("body", model), facts.changes(),
				reach.departments(), reach.people(), null, null);
	}

	static String accountOf(EventFacts facts) {
		return (facts.accountId() != null) ? facts.accountId() : facts.directAccountId();
	}

	/** Whether the notice names the practice: an order's does. */
	static boolean namesPractice(EventFacts facts) {
		return facts.orderId() != null;
	}

	/** The values the subject and body templates read; a {@code null} one renders as nothing. */
	private static Map<String, Object> model(String name, EventFacts f, String accountId, String practice) {
		Map<String, Object> model = new HashMap<>();
		model.put("eventType", name);
		model.put("orderId", f.orderId());
		model.put("orderNumber", f.orderNumber());
		model.put("practice", practice);
		model.put("accountId", accountId);
		model.put("region", f.region());
		model.put("leadId", f.leadId());
		model.put("owner", f.owner());
		model.put("previousOwner", f.previousOwner());
		model.put("conflict", name.equals("ChannelConflictDetected"));
		model.put("directAccountId", f.directAccountId());
		model.put("directOwner", f.directOwner());
		model.put("resellerServedAccountId", f.resellerServedAccountId());
		model.put("resellerServedOwner", f.resellerServedOwner());
		model.put("reason", f.reason());
		model.put("requestReason", f.requestReason());
		model.put("discountPercent", f.discountPercent());
		model.put("requestedBy", f.requestedBy());
		model.put("decidedBy", (f.decidedBy() != null) ? f.decidedBy() : f.approvedBy());
		model.put("showLines", !f.lines().isEmpty() && !name.equals("OrderCancelled"));
		model.put("lines", f.lines());
		model.put("requestedDeliveryDate", f.requestedDeliveryDate());
		model.put("committedDeliveryDate", f.committedDeliveryDate());
		model.put("daysLate", f.daysLate());
		model.put("slackDays", f.slackDays());
		model.put("value", f.value());
		model.put("total", f.total());
		model.put("cancelled", name.equals("OrderCancelled"));
		return model;
	}

}
