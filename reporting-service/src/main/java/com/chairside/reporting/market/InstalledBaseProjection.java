package com.chairside.reporting.market;

import java.util.List;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.inbox.PoisonMessageException;
import com.chairside.reporting.projection.Projection;
import com.chairside.reporting.projection.ProjectionWrite;

import tools.jackson.databind.json.JsonMapper;

/**
 * Each account's installed base from {@code chairside.accounts}: InstalledBaseChanged carries the whole list, so the
 * newest event (by {@code ce_sequence}) replaces the copy and an older or redelivered one changes nothing.
 */
@Component
class InstalledBaseProjection implements Projection {

	/** The fields of InstalledBaseChanged this projection reads. */
	record Changed(String region, String accountName, List<InstalledBaseCopy.Unit> units) {
	}

	@Override
	public String name() {
		return "installedBase";
	}

	@Override
	public String topic() {
		return "chairside.accounts";
	}

	@Override
	public String collection() {
		return "installed_base";
	}

	@Override
	public Class<?> document() {
		return InstalledBaseCopy.class;
	}

	@Override
	public ProjectionWrite writeFor(IncomingEvent event, JsonMapper json) {
		if (!event.name().equals("InstalledBaseChanged")) {
			return null;
		}
		Changed changed = event.dataAs(Changed.class, json);
		if (changed.region() == null || changed.units() == null) {
			throw new PoisonMessageException(event.type() + " " + event.id() + " names no region or no units");
		}
		return new ProjectionWrite(event.subject(), new Update().set("region", changed.region())
			.set("accountName", changed.accountName())
			.set("units", changed.units()));
	}

}
