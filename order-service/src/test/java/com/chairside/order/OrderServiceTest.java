package com.chairside.order;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.chairside.testsupport.MutableClock;
import com.chairside.testsupport.ServiceIntegrationTest;

/**
 * order-service whole, with the test clock, and account-service unreachable (accounts arrive as account-service's
 * contract example; asking account-service over HTTP fails, as when it is stopped). One configuration, so every test
 * class shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceIntegrationTest
@Import(OrderServiceTest.TestClock.class)
@TestPropertySource(properties = { "chairside.orders.account-service.url=http://127.0.0.1:9",
		"chairside.orders.delivery-watch.initial-delay=PT1H" })
public @interface OrderServiceTest {

	@TestConfiguration(proxyBeanMethods = false)
	class TestClock {

		@Bean
		MutableClock testClock() {
			return new MutableClock();
		}

	}

}
