package com.chairside.order.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.chairside.order.catalog.Category;
import com.chairside.order.catalog.Money;
import com.chairside.order.catalog.Product;
import com.chairside.order.catalog.ProductLine;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.ConflictException;
import com.chairside.platform.web.InvalidFieldException;
import com.chairside.platform.web.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Order aggregate on its own: which transitions it allows, and what its change events say; and the two rules of
 * {@link OrderManagement} that need no store (the maximum discount, who decides for a region).
 */
class OrderUnitTests {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private static final BigDecimal THRESHOLD = BigDecimal.TEN;

	private static final Product CHAIR = new Product("TC-ORTHO-200", "Orthodontic treatment chair", ProductLine.ORTHODONTIC,
			Category.TREATMENT_CHAIR, new Money(new BigDecimal("32500"), "USD"),
			Map.of("upholsteryColour", List.of("GRAPHITE", "SAND")), 42);

	private static final Product UNIT = new Product("DU-ORTHO-300", "Orthodontic delivery unit", ProductLine.ORTHODONTIC,
			Category.DELIVERY_UNIT, new Money(new BigDecimal("18750"), "USD"), Map.of(), 28);

	private static OrderLine chairs(int quantity, String colour, String discount) {
		return OrderLine.of(CHAIR, CHAIR.listPrice(), quantity, Map.of("upholsteryColour", colour), new BigDecimal(discount));
	}

	private static Order placed() {
		Order order = Order.place(() -> "SO-2026-000001", "account-1", "NORTHEAST",
				List.of(chairs(2, "GRAPHITE", "0"), OrderLine.of(UNIT, UNIT.listPrice(), 2, null, null)),
				LocalDate.parse("2027-03-01"), null, THRESHOLD, "am", NOW);
		return order;
	}

	private static final LocalDate COMMITTED = LocalDate.parse("2027-03-10");

	private static Order inProduction() {
		Order order = placed();
		order.moveTo(OrderStatus.CONFIRMED, COMMITTED, "sa", NOW);
		order.moveTo(OrderStatus.IN_PRODUCTION, null, "sa", NOW);
		return order;
	}

	private static String conflict(Runnable refused) {
		return assertThatExceptionOfType(ConflictException.class).isThrownBy(refused::run).actual().code();
	}

	private static <T> T last(Order order, Class<T> type) {
		List<Object> events = order.raisedEvents();
		return type.cast(events.get(events.size() - 1));
	}

	@Test
	void anOptionChangeConcernsProductionAndAPriceChangeFinance() {
		Order order = placed();
		order.change("Sand suits the practice", List.of(chairs(2, "SAND", "5"), OrderLine.of(UNIT, UNIT.listPrice(), 2, null, null)),
				null, null, THRESHOLD, "am", NOW);

		OrderChanged changed = last(order, OrderChanged.class);
		assertThat(changed.changes()).extracting(Change::field).containsExactly(
				"lines[TC-ORTHO-200].options.upholsteryColour", "lines[TC-ORTHO-200].discountPercent", "total");
		assertThat(changed.departments()).containsExactly(Department.SALES_ADMINISTRATION, Department.PRODUCTION,
				Department.FINANCE);
		assertThat(changed.affectsProduction()).isFalse();
		assertThat(changed.total().amount()).isEqualByComparingTo("99250.00");
	}

	@Test
	void refusesToSkipAFulfilmentStepAndNamesTheNextOne() {
		Order order = placed();
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> order.moveTo(OrderStatus.IN_PRODUCTION, null, "sa", NOW))
			.withMessageContaining("the next step is CONFIRMED");
		order.moveTo(OrderStatus.CONFIRMED, LocalDate.parse("2027-03-10"), "sa", NOW);
		assertThat(order.raisedEvents()).hasAtLeastOneElementOfType(OrderConfirmed.class);
		assertThat(order.latestProductionStart()).isEqualTo(LocalDate.parse("2027-01-27"));
	}

	@Test
	void aChangeInProductionAffectsProductionAndAfterShipmentIsRefused() {
		Order order = placed();
		order.moveTo(OrderStatus.CONFIRMED, LocalDate.parse("2027-03-10"), "sa", NOW);
		order.moveTo(OrderStatus.IN_PRODUCTION, null, "sa", NOW);
		order.change("Later", null, LocalDate.parse("2027-03-20"), null, THRESHOLD, "am", NOW);
		assertThat(last(order, OrderChanged.class).affectsProduction()).isTrue();
		assertThat(last(order, OrderChanged.class).departments()).containsExactly(Department.SALES_ADMINISTRATION,
				Department.LOGISTICS, Department.INSTALLATION);

		order.moveTo(OrderStatus.SHIPPED, null, "sa", NOW);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> order.change("Too late", null, LocalDate.parse("2027-04-01"), null, THRESHOLD, "am", NOW))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("ORDER_SHIPPED"));
	}

	@Test
	void aDiscountAboveTheThresholdWaitsForApproval() {
		Order quote = Order.draft("SO-2026-000002", "account-1", "NORTHEAST", List.of(chairs(1, "SAND", "12.5")),
				LocalDate.parse("2027-03-01"), null, THRESHOLD, "am", NOW);
		assertThat(quote.pendingDiscount().discountPercent()).isEqualByComparingTo("12.5");
		assertThat(quote.interestedParties()).containsExactly("am");
		assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> quote.submit(THRESHOLD, "am", NOW));
		quote.approveDiscount("sm", NOW);
		assertThat(last(quote, DiscountApproved.class)).satisfies((approved) -> {
			assertThat(approved.requestedBy()).isEqualTo("am");
			assertThat(approved.decidedBy()).isEqualTo("sm");
			assertThat(approved.orderNumber()).isEqualTo("SO-2026-000002");
		});
		quote.submit(THRESHOLD, "am", NOW);
		assertThat(quote.status()).isEqualTo(OrderStatus.SUBMITTED);
		assertThat(quote.history()).extracting(HistoryEntry::event).containsExactly("OrderDrafted",
				"DiscountApprovalRequested", "DiscountApproved", "OrderPlaced");
	}

	@Test
	void aRejectedDiscountKeepsTheQuoteADraftUntilTheDiscountChanges() {
		Order quote = Order.draft("SO-2026-000003", "account-1", "NORTHEAST", List.of(chairs(1, "SAND", "15")),
				LocalDate.parse("2027-03-01"), null, THRESHOLD, "am", NOW);
		quote.rejectDiscount("Too much", "sm", NOW);
		assertThat(quote.pendingDiscount()).isNull();
		assertThat(last(quote, DiscountRejected.class).requestedBy()).isEqualTo("am");
		assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> quote.submit(THRESHOLD, "am", NOW))
			.withMessageContaining("sm rejected it");
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> quote.approveDiscount("sm", NOW))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("NO_DISCOUNT_APPROVAL_REQUESTED"));

		quote.change("12 % then", List.of(chairs(1, "SAND", "12")), null, null, THRESHOLD, "am2", NOW);
		assertThat(last(quote, DiscountApprovalRequested.class).discountPercent()).isEqualTo("12");
		assertThat(quote.interestedParties()).containsExactly("am", "am2");
		quote.change("within the threshold", List.of(chairs(1, "SAND", "10")), null, null, THRESHOLD, "am", NOW);
		assertThat(quote.pendingDiscount()).as("nothing left to decide").isNull();
		quote.submit(THRESHOLD, "am", NOW);
		assertThat(quote.number()).isEqualTo("SO-2026-000003");
	}

	@Test
	void raisesEachDeliveryRiskOnceUntilTheDateMoves() {
		Order order = placed();
		order.moveTo(OrderStatus.CONFIRMED, LocalDate.parse("2027-03-10"), "sa", NOW);
		DeliveryCommitmentAtRisk risk = new DeliveryCommitmentAtRisk(order.id(), order.number(), "account-1",
				"NORTHEAST", LocalDate.parse("2027-03-10"), "PRODUCTION_NOT_STARTED", 4, OrderStatus.CONFIRMED, NOW,
				order.total());
		assertThat(order.flagRisk("PRODUCTION_NOT_STARTED@2027-03-10", risk, NOW)).isTrue();
		assertThat(order.flagRisk("PRODUCTION_NOT_STARTED@2027-03-10", risk, NOW)).isFalse();
		order.recommit(LocalDate.parse("2027-04-10"), "Slot moved", "sa", NOW);
		assertThat(order.flagRisk("PRODUCTION_NOT_STARTED@2027-04-10", risk, NOW)).isTrue();
	}

	@Test
	void aSalesManagersCancellationSettlesAPendingRequestAndARejectionLeavesTheOrderAsItWas() {
		Order order = placed();
		order.moveTo(OrderStatus.CONFIRMED, LocalDate.parse("2027-03-10"), "sa", NOW);
		order.moveTo(OrderStatus.IN_PRODUCTION, null, "sa", NOW);
		order.requestCancellation("Practice sold", "am", NOW);
		order.rejectCancellation("Half built", "sm", NOW);
		assertThat(order.status()).isEqualTo(OrderStatus.IN_PRODUCTION);
		assertThat(order.cancellationRequest()).isNull();
		assertThat(last(order, OrderCancellationRejected.class).requestReason()).isEqualTo("Practice sold");

		order.requestCancellation("Practice sold after all", "am", NOW);
		order.cancel("Manager cancels", "sm", true, NOW);
		OrderCancelled cancelled = last(order, OrderCancelled.class);
		assertThat(cancelled.requestedBy()).isEqualTo("am");
		assertThat(cancelled.approvedBy()).isEqualTo("sm");
		assertThat(order.cancellationRequest()).isNull();
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> order.approveCancellation("sm", NOW))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("ORDER_CANCELLED"));
	}

	@Test
	void movesThroughFulfilmentOneStepAtATimeAndStopsWhenInstalled() {
		Order order = placed();
		assertThat(order.status()).isEqualTo(OrderStatus.SUBMITTED);
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> order.moveTo(OrderStatus.CONFIRMED, null, "sa", NOW))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("committedDeliveryDate"));
		order.moveTo(OrderStatus.CONFIRMED, COMMITTED, "sa", NOW);
		for (OrderStatus next : List.of(OrderStatus.IN_PRODUCTION, OrderStatus.SHIPPED, OrderStatus.DELIVERED,
				OrderStatus.INSTALLED)) {
			order.moveTo(next, null, "sa", NOW);
		}
		int events = order.raisedEvents().size();
		order.moveTo(OrderStatus.INSTALLED, null, "sa", NOW);
		assertThat(order.raisedEvents()).as("already there").hasSize(events);
		assertThat(order.raisedEvents()).filteredOn(OrderStatusChanged.class::isInstance)
			.extracting((e) -> ((OrderStatusChanged) e).to())
			.containsExactly(OrderStatus.CONFIRMED, OrderStatus.IN_PRODUCTION, OrderStatus.SHIPPED,
					OrderStatus.DELIVERED, OrderStatus.INSTALLED);
		assertThat(conflict(() -> order.moveTo(OrderStatus.CANCELLED, null, "sa", NOW)))
			.isEqualTo("TRANSITION_NOT_ALLOWED");
		assertThat(conflict(() -> order.moveTo(OrderStatus.SUBMITTED, null, "sa", NOW)))
			.as("never back").isEqualTo("TRANSITION_NOT_ALLOWED");
	}

	@Test
	void aDraftIsNotMovedOnButSubmittedAndOnlyOnce() {
		Order quote = Order.draft("SO-2026-000004", "account-1", "NORTHEAST", List.of(chairs(1, "SAND", "5")),
				LocalDate.parse("2027-03-01"), null, THRESHOLD, "am", NOW);
		assertThat(conflict(() -> quote.moveTo(OrderStatus.CONFIRMED, COMMITTED, "sa", NOW)))
			.isEqualTo("TRANSITION_NOT_ALLOWED");
		quote.submit(THRESHOLD, "am", NOW);
		assertThat(last(quote, OrderPlaced.class).orderNumber()).isEqualTo("SO-2026-000004");
		assertThat(conflict(() -> quote.submit(THRESHOLD, "am", NOW))).isEqualTo("NOT_A_DRAFT");
	}

	@Test
	void anOrderPlacedWithAnUnapprovedDiscountIsRefusedBeforeItTakesANumber() {
		AtomicInteger numbersTaken = new AtomicInteger();
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> Order.place(() -> "SO-2026-" + numbersTaken.incrementAndGet(), "account-1", "NORTHEAST",
					List.of(chairs(1, "SAND", "10.01")), LocalDate.parse("2027-03-01"), null, THRESHOLD, "am", NOW))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("DISCOUNT_NEEDS_APPROVAL"));
		assertThat(numbersTaken).hasValue(0);

		Order atThreshold = Order.place(() -> "SO-2026-" + numbersTaken.incrementAndGet(), "account-1", "NORTHEAST",
				List.of(chairs(1, "SAND", "10")), LocalDate.parse("2027-03-01"), null, THRESHOLD, "am", NOW);
		assertThat(atThreshold.number()).isEqualTo("SO-2026-1");
	}

	@Test
	void aPlacedOrderIsRefusedADiscountAboveTheThresholdAndAChangeThatAltersNothingRaisesNothing() {
		Order order = placed();
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> order.change("More off", List.of(chairs(2, "GRAPHITE", "15"),
					OrderLine.of(UNIT, UNIT.listPrice(), 2, null, null)), null, null, THRESHOLD, "am", NOW))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("DISCOUNT_NEEDS_APPROVAL"));

		Order unchanged = placed();
		int events = unchanged.raisedEvents().size();
		assertThat(unchanged.change("Same again", unchanged.lines(), LocalDate.parse("2027-03-01"), null, THRESHOLD,
				"am", NOW)).isEmpty();
		assertThat(unchanged.raisedEvents()).hasSize(events);
	}

	@Test
	void anAccountManagerCancelsUntilProductionStartsAndNobodyOnceShipped() {
		Order early = placed();
		early.cancel("Practice sold", "am", false, NOW);
		assertThat(early.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(last(early, OrderCancelled.class).approvedBy()).as("no approval needed").isNull();
		int events = early.raisedEvents().size();
		early.cancel("Again", "am", false, NOW);
		assertThat(early.raisedEvents()).as("cancelled once").hasSize(events);
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> early.change("Too late", null, LocalDate.parse("2027-04-01"), null, THRESHOLD, "am", NOW))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("ORDER_CANCELLED"));
		assertThat(conflict(() -> early.requestCancellation("Again", "am", NOW))).isEqualTo("ORDER_CANCELLED");

		Order late = inProduction();
		assertThat(conflict(() -> late.cancel("Practice sold", "am", false, NOW)))
			.isEqualTo("LATE_CANCELLATION_NEEDS_APPROVAL");
		late.cancel("Practice sold", "sm", true, NOW);
		assertThat(last(late, OrderCancelled.class).approvedBy()).isEqualTo("sm");

		Order shipped = inProduction();
		shipped.moveTo(OrderStatus.SHIPPED, null, "sa", NOW);
		assertThat(conflict(() -> shipped.cancel("Too late", "sm", true, NOW))).isEqualTo("ORDER_SHIPPED");
		assertThat(conflict(() -> shipped.requestCancellation("Too late", "am", NOW))).isEqualTo("ORDER_SHIPPED");
	}

	@Test
	void oneCancellationRequestWaitsAtATimeAndItsRequesterMayNotDecideIt() {
		Order order = inProduction();
		assertThat(conflict(() -> order.approveCancellation("sm", NOW))).isEqualTo("NO_CANCELLATION_REQUESTED");
		assertThat(conflict(() -> order.rejectCancellation("No", "sm", NOW))).isEqualTo("NO_CANCELLATION_REQUESTED");
		order.requestCancellation("Practice sold", "am2", NOW);
		assertThat(conflict(() -> order.requestCancellation("Sold indeed", "am3", NOW)))
			.isEqualTo("CANCELLATION_ALREADY_REQUESTED");
		assertThat(order.interestedParties()).containsExactly("am", "am2");

		order.approveCancellation("sm", NOW);
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.cancellationReason()).isEqualTo("Practice sold");
		assertThat(last(order, OrderCancelled.class).requestedBy()).isEqualTo("am2");
	}

	@Test
	void theCommittedDeliveryDateMovesOnlyWhileACommitmentIsOpen() {
		Order order = placed();
		assertThat(conflict(() -> order.recommit(LocalDate.parse("2027-04-01"), "Slot", "sa", NOW)))
			.as("not confirmed yet").isEqualTo("NO_COMMITMENT_TO_CHANGE");
		order.moveTo(OrderStatus.CONFIRMED, COMMITTED, "sa", NOW);
		int events = order.raisedEvents().size();
		order.recommit(COMMITTED, "Same day", "sa", NOW);
		assertThat(order.raisedEvents()).hasSize(events);
		order.recommit(LocalDate.parse("2027-04-01"), "Slot moved", "sa", NOW);
		assertThat(last(order, DeliveryCommitmentChanged.class).reason()).isEqualTo("Slot moved");
		for (OrderStatus next : List.of(OrderStatus.IN_PRODUCTION, OrderStatus.SHIPPED, OrderStatus.DELIVERED)) {
			order.moveTo(next, null, "sa", NOW);
		}
		assertThat(conflict(() -> order.recommit(LocalDate.parse("2027-05-01"), "Late", "sa", NOW)))
			.as("delivered").isEqualTo("NO_COMMITMENT_TO_CHANGE");
	}

	@Test
	void aDiscountAboveTheMaximumIsRefusedForEveryoneNamingItsLine() {
		BigDecimal maximum = new BigDecimal("40");
		OrderManagement.refuseDiscountsAbove(maximum,
				List.of(new OrderManagement.RequestedLine("TC-ORTHO-200", 1, null, maximum),
						new OrderManagement.RequestedLine("DU-ORTHO-300", 1, null, null)));
		assertThatExceptionOfType(DiscountAboveMaximumException.class)
			.isThrownBy(() -> OrderManagement.refuseDiscountsAbove(maximum,
					List.of(new OrderManagement.RequestedLine("TC-ORTHO-200", 1, null, BigDecimal.ONE),
							new OrderManagement.RequestedLine("DU-ORTHO-300", 1, null, new BigDecimal("40.5")))))
			.withMessageStartingWith("lines[1] (DU-ORTHO-300): a discount of 40.5% is above the maximum of 40%");
	}

	@Test
	void anAdminOrASalesManagerOfTheRegionOrOfAllRegionsDecides() {
		assertThat(OrderManagement.managesRegion(user(CurrentUser.ADMIN, "SOUTHWEST"), "NORTHEAST")).isTrue();
		assertThat(OrderManagement.managesRegion(user(CurrentUser.SALES_MANAGER, "NORTHEAST"), "NORTHEAST")).isTrue();
		assertThat(OrderManagement.managesRegion(user(CurrentUser.SALES_MANAGER, null), "NORTHEAST")).isTrue();
		assertThat(OrderManagement.managesRegion(user(CurrentUser.SALES_MANAGER, "SOUTHWEST"), "NORTHEAST")).isFalse();
		assertThat(OrderManagement.managesRegion(user(CurrentUser.ACCOUNT_MANAGER, "NORTHEAST"), "NORTHEAST")).isFalse();
		assertThat(OrderManagement.managesRegion(user(CurrentUser.SALES_ADMIN, null), "NORTHEAST")).isFalse();
	}

	private static CurrentUser user(String role, String region) {
		return new CurrentUser("someone", Set.of(role), region, null);
	}

}
