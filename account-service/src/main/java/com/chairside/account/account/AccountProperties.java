package com.chairside.account.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of account-service ({@code chairside.accounts.*}).
 *
 * @param dormantAfter a customer with no activity, demo or confirmed order for this long goes dormant
 * @param dormancyCheckInterval how often one replica looks for accounts to mark dormant (also the delay after start)
 */
@ConfigurationProperties("chairside.accounts")
record AccountProperties(@DefaultValue("P90D") Duration dormantAfter,
		@DefaultValue("PT1H") Duration dormancyCheckInterval) {

}
