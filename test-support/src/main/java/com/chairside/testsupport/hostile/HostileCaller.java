package com.chairside.testsupport.hostile;

import com.chairside.testsupport.Infrastructure;

/**
 * Who sends the hostile cases: an admin, whom every endpoint lets in, so that every body is read; an account manager
 * of NORTHEAST, who reads that region's records only; a user of the PRODUCTION department, who reads that
 * department's notifications and the catalogue only. A hostile input must be refused alike whoever sends it, and must
 * never show a record the sender may not read.
 */
public enum HostileCaller {

	ADMIN("hostile.admin", "ADMIN", null, null),

	ACCOUNT_MANAGER("hostile.am.northeast", "ACCOUNT_MANAGER", "NORTHEAST", null),

	DEPARTMENT("hostile.production", "DEPARTMENT", null, "PRODUCTION");

	private final String user;

	private final String role;

	private final String region;

	private final String department;

	HostileCaller(String user, String role, String region, String department) {
		this.user = user;
		this.role = role;
		this.region = region;
		this.department = department;
	}

	/** The caller's token, signed by this JVM's {@link Infrastructure}. */
	public String token() {
		return (this.department != null) ? Infrastructure.get().departmentToken(this.user, this.department)
				: Infrastructure.get().token(this.user, this.role, this.region);
	}

	public String user() {
		return this.user;
	}

	/** The one region whose records the caller reads, or null for one who reads every region's (or none). */
	public String region() {
		return this.region;
	}

	/** The one department whose notifications the caller reads, or null. */
	public String department() {
		return this.department;
	}

	/** Whether the caller reads the sales records (leads, accounts, orders) of {@code region}. */
	public boolean readsSalesRecordsOf(String region) {
		return switch (this) {
			case ADMIN -> true;
			case ACCOUNT_MANAGER -> this.region.equals(region);
			case DEPARTMENT -> false;
		};
	}

}
