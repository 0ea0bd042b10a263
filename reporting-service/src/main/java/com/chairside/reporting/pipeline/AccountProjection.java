package com.chairside.reporting.pipeline;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.inbox.PoisonMessageException;
import com.chairside.reporting.projection.Projection;
import com.chairside.reporting.projection.ProjectionWrite;

import tools.jackson.databind.json.JsonMapper;

/** Accounts opened, with specialty and owner, from {@code chairside.accounts} (AccountOpened, AccountOwnerChanged). */
@Component
class AccountProjection implements Projection {

	/** The fields of account events this projection reads. */
	record AccountFacts(String region, String leadId, String specialty, String owner, String openedAt) {
	}

	@Override
	public String name() {
		return "accounts";
	}

	@Override
	public String topic() {
		return "chairside.accounts";
	}

	@Override
	public String collection() {
		return "opened_accounts";
	}

	@Override
	public Class<?> document() {
		return OpenedAccount.class;
	}

	@Override
	public ProjectionWrite writeFor(IncomingEvent event, JsonMapper json) {
		if (!event.name().equals("AccountOpened") && !event.name().equals("AccountOwnerChanged")) {
			return null;
		}
		AccountFacts account = event.dataAs(AccountFacts.class, json);
		if (account.region() == null) {
			throw new PoisonMessageException(event.type() + " " + event.id() + " names no region");
		}
		Update update = new Update().set("region", account.region());
		LeadProjection.setPresent(update, "owner", account.owner());
		if (event.name().equals("AccountOpened")) {
			update.set("leadId", account.leadId()).set("openedAt", LeadProjection.orEventTime(account.openedAt(), event));
			LeadProjection.setPresent(update, "specialty", account.specialty());
		}
		return new ProjectionWrite(event.subject(), update);
	}

}
