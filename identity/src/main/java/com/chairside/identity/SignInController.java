package com.chairside.identity;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page (posted to Spring Security's form login) and the JWK set at the address the services and the
 * gateway have always been pointed at ({@code /.well-known/jwks.json}, beside the provider's own
 * {@code /oauth2/jwks}).
 */
@RestController
class SignInController {

	private final Map<String, Object> jwkSet;

	SignInController(RSAKey signingKey) {
		this.jwkSet = new JWKSet(signingKey.toPublicJWK()).toJSONObject();
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> jwkSet() {
		return this.jwkSet;
	}

	@GetMapping(path = IdentitySecurity.SIGN_IN, produces = MediaType.TEXT_HTML_VALUE)
	String signIn(HttpServletRequest request, @RequestParam(required = false) String error,
			@RequestParam(required = false) String logout) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String message = (error != null) ? "<p class=\"error\" role=\"alert\">Wrong username or password.</p>"
				: (logout != null || justSignedOut(request)) ? "<p role=\"status\">You are signed out.</p>" : "";
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>Sign in · Chairside</title>
				<style>
				  body { font-family: system-ui, sans-serif; background: #f4f6f8; margin: 0; }
				  main { max-width: 22rem; margin: 10vh auto; background: #fff; padding: 2rem; border-radius: 8px;
				         box-shadow: 0 1px 4px rgba(0,0,0,.15); }
				  h1 { font-size: 1.4rem; margin-top: 0; }
				  label { display: block; margin-top: 1rem; font-weight: 600; }
				  input { width: 100%%; box-sizing: border-box; padding: .5rem; margin-top: .25rem; font-size: 1rem; }
				  button { margin-top: 1.5rem; width: 100%%; padding: .6rem; font-size: 1rem; background: #0b5cab;
				           color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
				  .error { color: #a4000f; background: #fde7e9; padding: .5rem; border-radius: 4px; }
				</style>
				</head>
				<body>
				<main>
				<h1>Chairside sales console</h1>
				%s
				<form method="post" action="%s">
				  <label for="username">Username</label>
				  <input id="username" name="username" type="text" autocomplete="username" autofocus required>
				  <label for="password">Password</label>
				  <input id="password" name="password" type="password" autocomplete="current-password" required>
				  <input type="hidden" name="%s" value="%s">
				  <button type="submit">Sign in</button>
				</form>
				</main>
				</body>
				</html>
				""".formatted(message, request.getContextPath() + IdentitySecurity.SIGN_IN,
				HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
	}

	/** Whether the person signed out just before being shown this page; said once. */
	private static boolean justSignedOut(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || session.getAttribute(IdentitySecurity.SIGNED_OUT) == null) {
			return false;
		}
		session.removeAttribute(IdentitySecurity.SIGNED_OUT);
		return true;
	}

}
