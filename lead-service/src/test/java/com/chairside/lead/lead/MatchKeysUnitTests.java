package com.chairside.lead.lead;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchKeysUnitTests {

	@Test
	void namesMatchAfterCaseAccentsPunctuationAndTitleNoiseAreRemoved() {
		assertThat(MatchKeys.nameKey("Dr. Müller Zahnarztpraxis, GmbH")).isEqualTo(MatchKeys.nameKey("muller zahnarztpraxis"));
		assertThat(MatchKeys.nameKey("Clínica Dental Peña")).isEqualTo("clinica dental pena");
		assertThat(MatchKeys.nameKey("Smile Orthodontics DDS, PC")).isEqualTo("smile orthodontics");
		assertThat(MatchKeys.nameKey("歯科 クリニック")).isEqualTo("歯科 クリニック");
	}

	@Test
	void phoneEmailAndPostalCodeAreComparedNormalised() {
		MatchKeys a = MatchKeys.of(" Front@Smile.Example ", "+1 (617) 555-0100", "Smile", "sw1a 1aa");
		MatchKeys b = MatchKeys.of("front@smile.example", "+16175550100", "SMILE", "SW1A1AA");
		assertThat(a).isEqualTo(b);
		assertThat(MatchKeys.of(null, null, "Smile", null).isEmpty()).as("a name alone matches nothing").isTrue();
	}

	@Test
	void storesPhoneWithItsPlusAndPostalCodeInUpperCase() {
		assertThat(Normalized.phone("+1 (617) 555-0100")).isEqualTo("+16175550100");
		assertThat(Normalized.postalCode(" sw1a   1aa ")).isEqualTo("SW1A 1AA");
		assertThat(Normalized.email(" Owner@Example.COM")).isEqualTo("owner@example.com");
	}

}
