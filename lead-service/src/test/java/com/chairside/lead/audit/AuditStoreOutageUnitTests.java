package com.chairside.lead.audit;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.chairside.platform.audit.AuditFilter;
import com.chairside.platform.audit.AuditTrail;
import com.chairside.platform.audit.RouteTemplates;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/** A trail that cannot be written (no store answers) leaves the request as it was, and says so in a metric. */
class AuditStoreOutageUnitTests {

	@Test
	void aWriteIsAnsweredWhenTheTrailCannotBeStoredAndTheFailureIsCounted() throws Exception {
		MongoClientSettings settings = MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:9/chairside-leads"))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
			.build();
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		try (MongoClient unreachable = MongoClients.create(settings)) {
			AuditFilter filter = new AuditFilter(new AuditTrail(new MongoTemplate(unreachable, "chairside-leads")),
					new RouteTemplates(new RequestMappingHandlerMapping()), Clock.systemUTC(), meters);
			MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/leads");
			MockHttpServletResponse response = new MockHttpServletResponse();
			MockFilterChain chain = new MockFilterChain() {
				@Override
				public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
					((MockHttpServletResponse) res).setStatus(201);
				}
			};
			filter.doFilter(request, response, chain);
			assertThat(response.getStatus()).isEqualTo(201);
		}
		assertThat(meters.counter("chairside.audit.failures").count()).isEqualTo(1.0);
	}

}
