package com.chairside.platform.audit;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The route a request addressed, as its template ({@code /api/leads/{id}}) and the record it names, so that the trail
 * holds ids and never a raw path that a caller filled with something else. A request refused before it reached the
 * controller (401, 403) is matched against the routes here.
 */
public class RouteTemplates {

	private static final int MAX_ID = 100;

	private static final Pattern RESOURCE = Pattern.compile("[a-z][a-z-]{0,40}");

	private final RequestMappingHandlerMapping handlers;

	public RouteTemplates(RequestMappingHandlerMapping handlers) {
		this.handlers = handlers;
	}

	public record Route(String template, String recordId) {
	}

	Route of(HttpServletRequest request, HttpServletResponse response) {
		if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) == null) {
			match(request);
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (pattern == null) {
			return new Route(prefix(request), null);
		}
		return new Route(pattern.toString(), recordId(request, response));
	}

	/** The template if one is known, otherwise {@code /api/<resource>/**}: safe to log. */
	String templateOrPrefix(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return (pattern != null) ? pattern.toString() : prefix(request);
	}

	/** Asks the controllers' mapping which route this is; it leaves the template and its variables as attributes. */
	private void match(HttpServletRequest request) {
		boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
		try {
			if (!parsed) {
				ServletRequestPathUtils.parseAndCache(request);
			}
			this.handlers.getHandler(request);
		}
		catch (Exception ex) {
			// No route (a 404 of the dispatcher), or one that cannot be matched for this method: the prefix will do.
		}
		finally {
			if (!parsed) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}

	/**
	 * The {@code id} path variable, else every variable in order ({@code NORTHEAST:2026-11}); for a record just
	 * created, the last segment of its {@code Location}.
	 */
	private static String recordId(HttpServletRequest request, HttpServletResponse response) {
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String id = null;
		if (variables != null && variables.containsKey("id")) {
			id = variables.get("id");
		}
		else if (variables != null && !variables.isEmpty()) {
			id = String.join(":", variables.values());
		}
		else if (response.getHeader("Location") != null) {
			id = lastSegment(response.getHeader("Location"));
		}
		return (id == null || id.length() <= MAX_ID) ? id : id.substring(0, MAX_ID);
	}

	private static String lastSegment(String location) {
		try {
			String path = URI.create(location).getPath();
			return (path == null) ? null : path.substring(path.lastIndexOf('/') + 1);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** A resource name of the kind the suite uses, else nothing: a raw segment may hold anything a caller typed. */
	private static String prefix(HttpServletRequest request) {
		String[] segments = request.getRequestURI().split("/");
		if (segments.length > 2 && segments[1].equals("api")) {
			return RESOURCE.matcher(segments[2]).matches() ? "/api/" + segments[2] + "/**" : "/api/**";
		}
		return (segments.length > 1 && RESOURCE.matcher(segments[1]).matches()) ? "/" + segments[1] + "/**" : "/**";
	}

}
