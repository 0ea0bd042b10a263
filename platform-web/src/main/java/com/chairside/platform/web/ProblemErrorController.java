package com.chairside.platform.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.HttpRequestHandler;

/**
 * The error page answers as problem+json too: requests Spring Security's firewall rejects (an encoded slash or a
 * semicolon in the URL) and errors raised outside any controller end here. A plain handler rather than a controller,
 * so that it is no endpoint of the API documents. The detail never repeats the request, which may be hostile.
 */
public class ProblemErrorController implements ErrorController, HttpRequestHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value && value >= 400) ? value : 500;
		if (status >= 500) {
			log.error("{} for {}", status, request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					(Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
		}
		response.setStatus(status);
		response.setContentType(ProblemJson.CONTENT_TYPE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(ProblemJson.refused(status));
	}

}
