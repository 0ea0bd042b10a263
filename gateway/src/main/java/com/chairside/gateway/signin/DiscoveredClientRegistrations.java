package com.chairside.gateway.signin;

import java.util.Iterator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The console's client registration, its endpoints read from the provider's discovery document on first use rather
 * than at start-up: the gateway starts (and serves API clients) while the provider is still starting or away, and
 * reads the document again on the next sign-in if it could not be read.
 */
final class DiscoveredClientRegistrations implements ClientRegistrationRepository, Iterable<ClientRegistration> {

	private static final Logger log = LoggerFactory.getLogger(DiscoveredClientRegistrations.class);

	private final IdentityProvider provider;

	private volatile ClientRegistration registration;

	DiscoveredClientRegistrations(IdentityProvider provider) {
		this.provider = provider;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		return IdentityProvider.REGISTRATION.equals(registrationId) ? registration() : null;
	}

	@Override
	public Iterator<ClientRegistration> iterator() {
		ClientRegistration found = registration();
		return ((found != null) ? List.of(found) : List.<ClientRegistration>of()).iterator();
	}

	private ClientRegistration registration() {
		ClientRegistration found = this.registration;
		if (found == null) {
			synchronized (this) {
				if (this.registration == null) {
					this.registration = discover();
				}
				found = this.registration;
			}
		}
		return found;
	}

	private ClientRegistration discover() {
		try {
			return ClientRegistrations.fromIssuerLocation(this.provider.issuerUri())
				.registrationId(IdentityProvider.REGISTRATION)
				.clientId(this.provider.clientId())
				.clientSecret(this.provider.clientSecret())
				.scope(this.provider.scopes())
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.build();
		}
		catch (RuntimeException ex) {
			log.warn("The identity provider {} cannot be discovered now: {}", this.provider.issuerUri(), ex.getMessage());
			return null;
		}
	}

}
