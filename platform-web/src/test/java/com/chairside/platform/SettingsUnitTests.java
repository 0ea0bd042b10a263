package com.chairside.platform;

import org.junit.jupiter.api.Test;

import com.chairside.testsupport.ServiceSettings;

/**
 * The settings platform-web reads, which the gateway and every service share, are declared in records under
 * {@code chairside.web} and {@code chairside.identity}, described and with today's defaults, in the generated
 * configuration metadata.
 */
class SettingsUnitTests {

	@Test
	void everySharedSettingIsDeclaredWithItsDefault() {
		ServiceSettings.assertSharedDeclared("chairside.web.max-paging-depth=100000", "chairside.web.max-json-body=1MB",
				"chairside.identity.issuer-uri", "chairside.identity.audience=chairside",
				"chairside.identity.regions=NORTHEAST,SOUTHEAST,MIDWEST,SOUTHWEST,WEST,NORTHWEST",
				"chairside.identity.departments=SALES_ADMINISTRATION,PRODUCTION,LOGISTICS,INSTALLATION,FINANCE",
				"chairside.identity.claims.roles=roles", "chairside.identity.claims.region=region",
				"chairside.identity.claims.department=department");
	}

}
