package com.chairside.lead;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** lead-service: the prospect database, decision makers and qualification; publishes to {@code chairside.leads}. */
@SpringBootApplication
public class LeadServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(LeadServiceApplication.class, args);
	}

}
