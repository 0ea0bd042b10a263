package com.chairside.platform.persistence;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The store every service talks to: which kind it is, and how long the driver waits for it, so that a request fails
 * within seconds when the store is away (the API answers 503 at once and no request thread hangs).
 *
 * @param kind which store runs: auto asks it once (buildInfo), embedded (the embedded default's mongo-java-server) or
 * mongodb says so
 * @param serverSelectionTimeout how long a command waits to find the store before it fails (the driver's own default
 * is 30 s, which holds a request thread and its caller for as long)
 * @param connectTimeout how long opening a connection to the store may take
 * @param readTimeout how long a command waits for the store's answer (the driver's own default waits forever)
 */
@ConfigurationProperties("chairside.store")
public record StoreSettings(@DefaultValue("auto") String kind, @DefaultValue("2s") Duration serverSelectionTimeout,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout) {

	/** The kind set, or {@code null} for {@code auto}: ask the store. */
	public StoreKind configuredKind() {
		return this.kind.equalsIgnoreCase("auto") ? null : StoreKind.valueOf(this.kind.toUpperCase(Locale.ROOT));
	}

}
