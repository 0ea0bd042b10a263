package com.chairside.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlUnitTests {

	@Test
	void aRatioOfRatesReadsItsOneMetricAndNoneOfTheLabelsFunctionsOrGrouping() {
		assertThat(PromQl.metricNames("""
				sum by (job) (rate(http_server_requests_seconds_count{status=~"5..", uri!="/x{y}"}[5m]))
				  / sum by (job) (rate(http_server_requests_seconds_count[$__rate_interval])) > 0.05"""))
			.containsExactly("http_server_requests_seconds_count");
	}

	@Test
	void subqueriesSetOperatorsAndComparisonsLeaveTheMetricsTheyCombine() {
		assertThat(PromQl.metricNames("""
				deriv(max by (group, topic) (spring_cloud_stream_binder_kafka_offset)[15m:1m]) > 0
				  and on (group) max without (instance) (chairside_outbox_pending offset 5m) > 1e3"""))
			.containsExactly("spring_cloud_stream_binder_kafka_offset", "chairside_outbox_pending");
	}

	@Test
	void aHistogramQuantileReadsTheBucketsAndABareNameIsItself() {
		assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (job, le) (rate(x_seconds_bucket[1m])))"))
			.containsExactly("x_seconds_bucket");
		assertThat(PromQl.metricNames("up == 0")).containsExactly("up");
	}

}
