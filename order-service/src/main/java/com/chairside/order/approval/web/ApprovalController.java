package com.chairside.order.approval.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.order.approval.Approval;
import com.chairside.order.approval.PendingApprovals;
import com.chairside.platform.security.CurrentUser;

/** {@code GET /api/approvals}: the sales manager's (or admin's) to-do list of decisions. */
@RestController
@RequestMapping("/api/approvals")
class ApprovalController {

	private final PendingApprovals approvals;

	ApprovalController(PendingApprovals approvals) {
		this.approvals = approvals;
	}

	@GetMapping
	@Operation(summary = "What waits for the caller's decision, oldest first",
			description = "Pending discount approvals (kind DISCOUNT) and cancellation requests (kind CANCELLATION) of"
					+ " the sales manager's region (every region for an admin or a sales manager without a region),"
					+ " without those the caller placed, last changed or asked for. Account managers and sales"
					+ " administration decide nothing: an empty list. Decide with POST /api/orders/{id}/discount-approval"
					+ " (or .../discount-approval/reject) and POST /api/orders/{id}/cancellation-request/approve"
					+ " (or .../reject).")
	Map<String, List<Approval>> approvals() {
		return Map.of("items", this.approvals.awaiting(CurrentUser.get()));
	}

}
