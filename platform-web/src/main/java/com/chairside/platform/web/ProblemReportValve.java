package com.chairside.platform.web;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat refuses some requests before any servlet sees them (an encoded slash, a NUL or bytes that are not UTF-8 in
 * the path) and reports them as an HTML page; this valve reports them, and anything else the container answers on its
 * own, as problem+json. Added to the host after Spring Boot's own report valve, so that it reports first.
 */
public class ProblemReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.setContentType(ProblemJson.CONTENT_TYPE);
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(ProblemJson.refused(status));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response was already started: nothing more can be told.
		}
	}

}
