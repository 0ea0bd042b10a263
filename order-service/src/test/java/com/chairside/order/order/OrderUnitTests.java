package com.chairside.order.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.chairside.order.catalog.Category;
import com.chairside.order.catalog.Money;
import com.chairside.order.catalog.Product;
import com.chairside.order.catalog.ProductLine;
import com.chairside.platform.web.ConflictException;
import com.chairside.platform.web.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The Order aggregate on its own: which transitions it allows, and what its change events say. */
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

}
