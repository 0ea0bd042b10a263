package com.chairside.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import com.chairside.testsupport.ServiceIntegrationTest;

/**
 * account-service started whole ({@link ServiceIntegrationTest}) with a {@link TestClock} as its {@code Clock}, the
 * same for every test class so that they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceIntegrationTest
@Import(AccountServiceTest.Clocks.class)
public @interface AccountServiceTest {

	@TestConfiguration(proxyBeanMethods = false)
	class Clocks {

		@Bean
		TestClock clock() {
			return new TestClock();
		}

	}

}
