package com.chairside.lead.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;

import com.chairside.lead.lead.Money;
import com.chairside.platform.security.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** A region's target on its own: set and announced whole, once per change; and who may set it ({@link Targets}). */
class RegionTargetUnitTests {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private static final TargetFigures FIGURES = new TargetFigures(120, 40, 12, new Money(new BigDecimal("600000"), "USD"));

	@Test
	void aTargetIsNamedByItsRegionAndPeriod() {
		RegionTarget target = RegionTarget.of("NORTHEAST", "2027-01");
		assertThat(target.id()).isEqualTo("NORTHEAST:2027-01").isEqualTo(RegionTarget.id("NORTHEAST", "2027-01"));
		assertThat(target.figures()).isNull();
		assertThat(target.raisedEvents()).isEmpty();
	}

	@Test
	void settingTheFiguresAnnouncesThemWholeAndTheSameFiguresAgainChangeNothing() {
		RegionTarget target = RegionTarget.of("NORTHEAST", "2027");
		target.set(FIGURES, "sm.1", NOW);
		assertThat(target.raisedEvents()).containsExactly(new TargetSet("NORTHEAST:2027", "NORTHEAST", "2027", 120, 40,
				12, FIGURES.bookings(), "sm.1", NOW));

		target.set(new TargetFigures(120, 40, 12, new Money(new BigDecimal("600000.00"), "USD")), "sm.2",
				NOW.plusSeconds(60));
		assertThat(target.raisedEvents()).hasSize(1);
		assertThat(target.setBy()).isEqualTo("sm.1");

		TargetFigures raised = new TargetFigures(120, 45, 12, FIGURES.bookings());
		target.set(raised, "sm.2", NOW.plusSeconds(60));
		assertThat(target.figures()).isEqualTo(raised);
		assertThat(target.setBy()).isEqualTo("sm.2");
		assertThat(target.raisedEvents()).hasSize(2).last().satisfies((event) -> {
			assertThat(((TargetSet) event).leadsQualified()).isEqualTo(45);
			assertThat(((TargetSet) event).leadsCaptured()).as("the whole target, not a difference").isEqualTo(120);
		});
	}

	@Test
	void aSalesManagerOfARegionSetsOnlyItsTargetsAndAnAdminOrAManagerOfAllRegionsAny() {
		CurrentUser northeast = new CurrentUser("sm.1", Set.of(CurrentUser.SALES_MANAGER), "NORTHEAST", null);
		assertThatNoException().isThrownBy(() -> Targets.requireMaySet(northeast, "NORTHEAST"));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> Targets.requireMaySet(northeast, "SOUTHWEST"));
		assertThatNoException().isThrownBy(() -> Targets
			.requireMaySet(new CurrentUser("sm.2", Set.of(CurrentUser.SALES_MANAGER), null, null), "SOUTHWEST"));
		assertThatNoException().isThrownBy(() -> Targets.requireMaySet(
				new CurrentUser("admin", Set.of(CurrentUser.SALES_MANAGER, CurrentUser.ADMIN), "NORTHEAST", null),
				"SOUTHWEST"));
	}

}
