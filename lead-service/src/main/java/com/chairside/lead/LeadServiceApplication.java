package com.chairside.lead;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * lead-service: the prospect database, decision makers, qualification, imports and the regional plan; publishes to
 * {@code chairside.leads} and {@code chairside.targets}. Scheduling resumes imports whose instance stopped.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LeadServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(LeadServiceApplication.class, args);
	}

}
