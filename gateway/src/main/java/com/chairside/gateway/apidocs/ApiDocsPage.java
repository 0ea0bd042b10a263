package com.chairside.gateway.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /docs/api}: Swagger UI over the merged document ({@code GET /v3/api-docs}, {@link CombinedApiDocs}), its
 * files from the swagger-ui webjar under {@code /webjars/swagger-ui/<version>/}. Trying an operation out sends the
 * person's session cookie, and on a write the CSRF header the console sends too; an API client pastes its token under
 * "Authorize" instead.
 */
@RestController
class ApiDocsPage {

	static final String PATH = "/docs/api";

	private static final String INITIALIZER = PATH + "/initializer.js";

	private final String page;

	ApiDocsPage() {
		String assets = "/webjars/swagger-ui/" + swaggerUiVersion() + "/";
		this.page = """
				<!doctype html>
				<html lang="en">
				<head>
				  <meta charset="utf-8">
				  <meta name="viewport" content="width=device-width, initial-scale=1">
				  <title>Chairside API documentation</title>
				  <link rel="stylesheet" href="%1$sswagger-ui.css">
				  <link rel="icon" type="image/png" href="%1$sfavicon-32x32.png">
				</head>
				<body>
				  <div id="swagger-ui"></div>
				  <script src="%1$sswagger-ui-bundle.js"></script>
				  <script src="%2$s"></script>
				</body>
				</html>
				""".formatted(assets, INITIALIZER);
	}

	@GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
	String page() {
		return this.page;
	}

	/** A file of its own rather than inline script, so that a content security policy need not allow inline script. */
	@GetMapping(path = INITIALIZER, produces = "text/javascript")
	String initializer() {
		return """
				window.ui = SwaggerUIBundle({
				  url: '/v3/api-docs',
				  dom_id: '#swagger-ui',
				  presets: [SwaggerUIBundle.presets.apis],
				  layout: 'BaseLayout',
				  deepLinking: true,
				  requestInterceptor: (request) => {
				    const csrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
				    if (csrf) request.headers['X-XSRF-TOKEN'] = decodeURIComponent(csrf.substring('XSRF-TOKEN='.length));
				    return request;
				  }
				});
				""";
	}

	/** The version the webjar on the classpath carries, which names the folder its files are in. */
	private static String swaggerUiVersion() {
		try (InputStream in = ApiDocsPage.class.getClassLoader()
			.getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
			if (in == null) {
				throw new IllegalStateException("The swagger-ui webjar is not on the classpath");
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
