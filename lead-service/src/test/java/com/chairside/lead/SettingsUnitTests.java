package com.chairside.lead;

import org.junit.jupiter.api.Test;

import com.chairside.testsupport.ServiceSettings;

/** Every setting of this service is under {@code chairside.leads} and in the generated configuration metadata. */
class SettingsUnitTests {

	@Test
	void everySettingIsDeclaredUnderThisServicesPrefix() {
		ServiceSettings.assertDeclaredUnder("chairside.leads");
	}

}
