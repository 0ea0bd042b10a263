package com.chairside.order.order;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of order-service ({@code chairside.orders.*}); the delivery watch and the account-service client have
 * records of their own under the same prefix.
 *
 * @param discountApprovalThreshold a line discount above this many per cent needs a sales manager's approval before
 * the quote is submitted
 * @param maxDiscountPercent the largest line discount, in per cent, anybody may give or approve
 * @param formServiceKey the key other services show to fetch an order form ({@code GET /internal/orders/{id}/form.pdf});
 * production sets it from a secret shared with notification-service only
 */
@ConfigurationProperties("chairside.orders")
public record OrderProperties(@DefaultValue("10") BigDecimal discountApprovalThreshold,
		@DefaultValue("40") BigDecimal maxDiscountPercent, String formServiceKey) {

}
