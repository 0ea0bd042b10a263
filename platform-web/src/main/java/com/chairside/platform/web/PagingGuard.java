package com.chairside.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Bounds how deep anyone pages: {@code page × size} beyond {@code chairside.web.max-paging-depth} (default 100,000
 * items) answers 400 naming {@code page}, before the handler runs. Skipping that far costs the store a scan of
 * everything before the page, for each request, so one caller could otherwise keep it busy; a search or a filter
 * reaches the same records cheaply. The size is the request's, else the handler's own default. Totals are not
 * affected: they are counted as before.
 */
public final class PagingGuard implements HandlerInterceptor {

	private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	private final long maxDepth;

	public PagingGuard(long maxDepth) {
		this.maxDepth = maxDepth;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String page = request.getParameter("page");
		if (page == null || !(handler instanceof HandlerMethod method)) {
			return true;
		}
		Long pageNumber = number(page);
		Long size = number(request.getParameter("size"));
		if (size == null) {
			size = defaultSize(method);
		}
		if (pageNumber != null && size != null && pageNumber > 0 && size > 0
				&& pageNumber > this.maxDepth / size) {
			throw new InvalidFieldException("page", "must not reach beyond the first " + this.maxDepth
					+ " items (page × size); narrow the query with a filter or a search instead");
		}
		return true;
	}

	private static Long defaultSize(HandlerMethod method) {
		for (MethodParameter declared : method.getMethodParameters()) {
			MethodParameter parameter = new MethodParameter(method.getMethod(), declared.getParameterIndex());
			parameter.initParameterNameDiscovery(NAMES);
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null && "size".equals(name(param, parameter))
					&& !ValueConstants.DEFAULT_NONE.equals(param.defaultValue())) {
				return number(param.defaultValue());
			}
			if ("org.springframework.data.domain.Pageable".equals(parameter.getParameterType().getName())) {
				return 20L;
			}
		}
		return 1L;
	}

	private static String name(RequestParam param, MethodParameter parameter) {
		if (!param.name().isEmpty()) {
			return param.name();
		}
		return param.value().isEmpty() ? parameter.getParameterName() : param.value();
	}

	private static Long number(String value) {
		if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
			return null;
		}
		return Long.parseLong(value);
	}

}
