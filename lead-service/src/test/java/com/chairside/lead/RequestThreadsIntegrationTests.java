package com.chairside.lead;

import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service answers requests on at most 32 threads (platform's chairside-defaults.yml): on two cores more threads
 * only wait for the store, each holding its stack and its request's objects in memory.
 */
@ServiceIntegrationTest
class RequestThreadsIntegrationTests {

	@Autowired
	WebServerApplicationContext context;

	@Test
	void requestsAreServedByAtMost32Threads() {
		TomcatWebServer server = (TomcatWebServer) this.context.getWebServer();

		Object executor = server.getTomcat().getConnector().getProtocolHandler().getExecutor();

		assertThat(executor).isInstanceOfSatisfying(ThreadPoolExecutor.class,
				(threads) -> assertThat(threads.getMaximumPoolSize()).isEqualTo(32));
	}

}
