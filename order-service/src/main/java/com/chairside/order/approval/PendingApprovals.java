package com.chairside.order.approval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.chairside.order.accounts.AccountDirectory;
import com.chairside.order.accounts.KnownAccount;
import com.chairside.order.order.CancellationRequest;
import com.chairside.order.order.DiscountRequest;
import com.chairside.order.order.Order;
import com.chairside.order.order.OrderManagement;
import com.chairside.platform.security.CurrentUser;

/**
 * What waits for the caller's decision, oldest first: for a sales manager of a region that region's pending discounts
 * and cancellation requests, for an admin or a sales manager without a region every region's; never what the caller
 * may not decide (an order they placed, last changed or asked for something on). Anyone else decides nothing and gets
 * an empty list.
 */
@Service
public class PendingApprovals {

	private final MongoTemplate mongo;

	private final AccountDirectory accounts;

	PendingApprovals(MongoTemplate mongo, AccountDirectory accounts) {
		this.mongo = mongo;
		this.accounts = accounts;
	}

	public List<Approval> awaiting(CurrentUser user) {
		if (!user.has(CurrentUser.ADMIN) && !user.has(CurrentUser.SALES_MANAGER)) {
			return List.of();
		}
		// Only the orders with something pending; the region (when the manager has one) checked with the rest below.
		Query pending = Query.query(new Criteria().orOperator(Criteria.where("pendingDiscount").ne(null),
				Criteria.where("cancellationRequest").ne(null)));
		List<Approval> approvals = new ArrayList<>();
		for (Order order : this.mongo.find(pending, Order.class)) {
			if (!OrderManagement.managesRegion(user, order.region()) || order.interestedParties().contains(user.id())) {
				continue;
			}
			String practice = this.accounts.known(order.accountId()).map(KnownAccount::name).orElse(null);
			DiscountRequest discount = order.pendingDiscount();
			if (discount != null) {
				approvals.add(new Approval(Approval.Kind.DISCOUNT, order.id(), order.number(), order.accountId(),
						practice, order.region(), order.total(), discount.discountPercent().stripTrailingZeros()
							.toPlainString(), discount.requestedBy(), discount.requestedAt(), discount.reason()));
			}
			CancellationRequest cancellation = order.cancellationRequest();
			if (cancellation != null) {
				approvals.add(new Approval(Approval.Kind.CANCELLATION, order.id(), order.number(), order.accountId(),
						practice, order.region(), order.total(), null, cancellation.requestedBy(),
						cancellation.requestedAt(), cancellation.reason()));
			}
		}
		approvals.sort(Comparator.comparing(Approval::requestedAt).thenComparing(Approval::orderId));
		return approvals;
	}

}
