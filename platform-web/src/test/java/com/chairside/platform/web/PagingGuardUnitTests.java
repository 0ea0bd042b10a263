package com.chairside.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingGuardUnitTests {

	final PagingGuard guard = new PagingGuard(100_000);

	@Test
	void refusesPagingBeyondTheDepthNamingPage() throws Exception {
		assertThatThrownBy(() -> check("page=1001&size=100")).isInstanceOf(InvalidFieldException.class)
			.satisfies((ex) -> assertThat(((InvalidFieldException) ex).field()).isEqualTo("page"));
		assertThatThrownBy(() -> check("page=2000000000&size=500")).isInstanceOf(InvalidFieldException.class);
		assertThatThrownBy(() -> check("page=1001")).as("the handler's default size, 100")
			.isInstanceOf(InvalidFieldException.class);
	}

	@Test
	void letsEverythingWithinTheDepthThrough() throws Exception {
		assertThat(check("page=1000&size=100")).isTrue();
		assertThat(check("page=999")).isTrue();
		assertThat(check("size=500")).isTrue();
		assertThat(check("page=abc")).as("left to the binding's own 400").isTrue();
	}

	private boolean check(String query) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");
		for (String pair : query.split("&")) {
			String[] kv = pair.split("=");
			request.addParameter(kv[0], kv[1]);
		}
		HandlerMethod handler = new HandlerMethod(new Things(), Things.class.getDeclaredMethod("list", int.class, int.class));
		return this.guard.preHandle(request, new MockHttpServletResponse(), handler);
	}

	static class Things {

		String list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
			return "";
		}

	}

}
