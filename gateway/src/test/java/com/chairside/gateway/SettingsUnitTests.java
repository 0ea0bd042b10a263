package com.chairside.gateway;

import org.junit.jupiter.api.Test;

import com.chairside.testsupport.ServiceSettings;

/**
 * Every setting of the gateway is under {@code chairside.gateway} or its routes' {@code chairside.routes} (or the
 * platform's shared ones) and in the generated configuration metadata.
 */
class SettingsUnitTests {

	@Test
	void everySettingIsDeclaredUnderTheGatewaysPrefixes() {
		ServiceSettings.assertDeclaredUnder("chairside.gateway", "chairside.routes");
	}

}
