package com.chairside.gateway.protection;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/** problem+json written straight to the response, for answers given before any controller runs. */
final class Problems {

	private Problems() {
	}

	static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail.replace("\"", "'") + "\"}");
	}

}
