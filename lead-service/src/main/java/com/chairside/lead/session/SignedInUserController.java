package com.chairside.lead.session;

import java.util.Map;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.platform.security.CurrentUser;

/**
 * {@code GET /api/me}: who the token says the caller is, as every service reads it: user, roles, region (none for
 * those who see every region) and department, and {@code homeRegion}, the region the token names whatever the caller
 * sees. The sales UI asks it first, to show the prospecting screens of the
 * caller's region. It touches no store and no broker, which also makes it the API-latency benchmark's baseline: the
 * same gateway, token checks and routing as creating a lead, without the I/O. It lives here because lead-service is
 * where an account manager's day starts; the gateway routes {@code /api/me} to it.
 */
@RestController
class SignedInUserController {

	@GetMapping("/api/me")
	Map<String, Object> me() {
		CurrentUser user = CurrentUser.get();
		Map<String, Object> me = new java.util.LinkedHashMap<>();
		me.put("user", user.id());
		me.put("roles", new TreeSet<>(user.roles()));
		me.put("region", user.seesAllRegions() ? null : user.region());
		me.put("department", user.department());
		me.put("seesAllRegions", user.seesAllRegions());
		// A sales manager sees every region but leads one: the console opens their dashboard and targets on it.
		me.put("homeRegion", user.region());
		return me;
	}

}
