package com.chairside.gateway.protection;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway lets through before a service sees a request ({@code chairside.gateway}); the calls per user are
 * {@link RateLimits.Settings}.
 *
 * @param cors the browser origins the sales UI is served from
 * @param maxBodySize the largest body of an API request; a larger one is answered 413 problem+json
 * @param maxImportSize the largest lead import file (an import's body is a file, not JSON)
 */
@ConfigurationProperties("chairside.gateway")
public record GatewayLimits(@DefaultValue Cors cors, @DefaultValue("256KB") DataSize maxBodySize,
		@DefaultValue("512MB") DataSize maxImportSize) {

	/**
	 * Cross-origin calls from the sales UI.
	 *
	 * @param allowedOrigins the origins a browser may call {@code /api/**} from
	 */
	public record Cors(@DefaultValue({ "http://127.0.0.1:3000", "http://localhost:3000" }) List<String> allowedOrigins) {
	}

}
