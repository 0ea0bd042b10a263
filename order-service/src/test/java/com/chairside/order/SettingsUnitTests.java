package com.chairside.order;

import org.junit.jupiter.api.Test;

import com.chairside.testsupport.ServiceSettings;

/** Every setting of this service is under {@code chairside.orders} and in the generated configuration metadata. */
class SettingsUnitTests {

	@Test
	void everySettingIsDeclaredUnderThisServicesPrefix() {
		ServiceSettings.assertDeclaredUnder("chairside.orders");
	}

}
