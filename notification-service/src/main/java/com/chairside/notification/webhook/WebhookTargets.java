package com.chairside.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.DnsResolver;

import org.springframework.stereotype.Component;

/**
 * Where webhooks may go: http or https URLs without credentials whose host and port are on
 * {@code chairside.notifications.webhooks.allowed-hosts}, and whose host is, and resolves only to, public addresses
 * (never loopback, private, link-local, unspecified, multicast, carrier-grade NAT, see {@link AddressRanges}). IPv4
 * addresses are spelled as four decimal numbers only: decimal, octal and hex spellings ({@code 2130706433},
 * {@code 0x7f.1}, {@code 0177.0.0.1}) read differently in different resolvers, so none is accepted, nor a host ending
 * in a dot. {@code allow-loopback} (the embedded default) lets {@code localhost} and loopback addresses through at any
 * port. A subscription is checked when it is made; each delivery checks its URL again and, through {@link #resolver()},
 * the very addresses it connects to, so a name that later resolves to an internal address (DNS rebinding) is refused.
 */
@Component
class WebhookTargets {

	private static final String SETTING = "chairside.notifications.webhooks.allowed-hosts";

	private static final Set<String> SCHEMES = Set.of("http", "https");

	/** The last label of a host that URL parsers read as (part of) an IPv4 address. */
	private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

	private static final Pattern DOTTED_QUAD = Pattern
		.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

	private final List<Allowed> allowed;

	private final boolean allowLoopback;

	WebhookTargets(WebhookProperties properties) {
		this.allowLoopback = properties.allowLoopback();
		this.allowed = new ArrayList<>();
		for (String entry : properties.allowedHosts()) {
			if (!entry.isBlank()) {
				this.allowed.add(allowed(entry.trim()));
			}
		}
	}

	/**
	 * Why a subscription may not be made to {@code url}, or {@code null}: checked as {@link #refusal(String)} does, and
	 * a name on the allow-list must resolve, to public addresses only.
	 */
	String refusalToSubscribe(String url) {
		Target target;
		try {
			target = target(url);
		}
		catch (Refused ex) {
			return ex.getMessage();
		}
		if (target.address() == null) {
			try {
				for (InetAddress address : InetAddress.getAllByName(target.host())) {
					String kind = refusedKind(address);
					if (kind != null) {
						return refusedAddress("host " + target.host() + " resolves to", kind);
					}
				}
			}
			catch (UnknownHostException ex) {
				return "host " + target.host() + " does not resolve";
			}
		}
		return null;
	}

	/**
	 * Why a delivery may not go to {@code url} any more, or {@code null}; names are not looked up here, the
	 * {@link #resolver()} checks the addresses the request connects to.
	 */
	String refusal(String url) {
		try {
			target(url);
			return null;
		}
		catch (Refused ex) {
			return ex.getMessage();
		}
	}

	/** Resolves names for the webhook HTTP client: only to addresses webhooks may reach, or not at all. */
	DnsResolver resolver() {
		return new CheckedResolver();
	}

	private Target target(String url) throws Refused {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new Refused("is not a URL");
		}
		if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
				|| uri.getRawAuthority() == null) {
			throw new Refused("must be an http or https URL with a host");
		}
		if (uri.getRawAuthority().contains("@")) {
			throw new Refused("must not carry credentials");
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		int port = (uri.getPort() >= 0) ? uri.getPort() : defaultPort(scheme);
		Target target = host(uri.getHost(), port, scheme);
		if (target.address() != null) {
			String kind = refusedKind(target.address());
			if (kind != null) {
				throw new Refused(refusedAddress("host " + target.host() + " is", kind));
			}
		}
		boolean loopbackName = this.allowLoopback && target.host().equalsIgnoreCase("localhost");
		boolean loopbackAddress = target.address() != null && this.allowLoopback
				&& AddressRanges.LOOPBACK.equals(AddressRanges.kindOf(target.address()));
		if (!loopbackName && !loopbackAddress && this.allowed.stream().noneMatch((a) -> a.allows(target))) {
			throw new Refused(target.host() + ":" + port + " is not on the allow-list (" + SETTING + ")");
		}
		return target;
	}

	/** The host as the URL names it: a name, or an address spelled plainly, which is then read without a lookup. */
	private static Target host(String host, int port, String scheme) throws Refused {
		if (host == null) {
			throw new Refused("must name its host plainly: a name, four decimal numbers, or an IPv6 address in brackets");
		}
		if (host.endsWith(".")) {
			throw new Refused("must name its host without a trailing dot");
		}
		if (host.startsWith("[")) {
			if (host.contains("%")) {
				throw new Refused("must not name an IPv6 zone");
			}
			return new Target(host, literal(host), port, scheme);
		}
		if (NUMERIC_LABEL.matcher(host.substring(host.lastIndexOf('.') + 1)).matches()) {
			if (!DOTTED_QUAD.matcher(host).matches()) {
				throw new Refused("must spell an IPv4 address as four decimal numbers from 0 to 255, without leading zeros");
			}
			return new Target(host, literal(host), port, scheme);
		}
		return new Target(host, null, port, scheme);
	}

	/** An address literal ({@link #host} made sure it is one): read as it is, never looked up. */
	private static InetAddress literal(String host) throws Refused {
		try {
			return InetAddress.getByName(host);
		}
		catch (UnknownHostException ex) {
			throw new Refused("names a host that is not an address: " + host);
		}
	}

	/** The kind of address webhooks may not reach ({@code "private"}, ...), or {@code null}. */
	private String refusedKind(InetAddress address) {
		String kind = AddressRanges.kindOf(address);
		return (kind == null || (this.allowLoopback && kind.equals(AddressRanges.LOOPBACK))) ? null : kind;
	}

	private static String refusedAddress(String what, String kind) {
		return what + " a non-public address (" + kind + "): webhooks go to public addresses only";
	}

	private static int defaultPort(String scheme) {
		return scheme.equals("https") ? 443 : 80;
	}

	private Allowed allowed(String entry) {
		Target target;
		try {
			URI uri = new URI("http://" + entry);
			if (uri.getRawAuthority() == null || !uri.getRawAuthority().equals(entry) || entry.contains("@")) {
				throw new Refused("is not host or host:port");
			}
			target = host(uri.getHost(), uri.getPort(), "http");
		}
		catch (URISyntaxException | Refused ex) {
			throw new IllegalStateException(SETTING + ": '" + entry + "' " + ex.getMessage());
		}
		if (target.address() != null && refusedKind(target.address()) != null) {
			throw new IllegalStateException(SETTING + ": '" + entry + "' is a non-public address ("
					+ refusedKind(target.address()) + "), which webhooks never reach");
		}
		return new Allowed(target.host(), target.address(), target.port());
	}

	/** A host (and port) the URL names; {@code address} when the host is an address literal. */
	private record Target(String host, InetAddress address, int port, String scheme) {
	}

	/** An allow-list entry; port {@code -1}: the default port of the URL's scheme. */
	private record Allowed(String host, InetAddress address, int port) {

		boolean allows(Target target) {
			boolean sameHost = (this.address != null) ? this.address.equals(target.address())
					: (target.address() == null && this.host.equalsIgnoreCase(target.host()));
			int port = (this.port >= 0) ? this.port : defaultPort(target.scheme());
			return sameHost && port == target.port();
		}

	}

	private static final class Refused extends Exception {

		Refused(String reason) {
			super(reason, null, false, false);
		}

	}

	/** The system resolver, refusing names that resolve to any address webhooks may not reach. */
	private final class CheckedResolver implements DnsResolver {

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			InetAddress[] addresses = InetAddress.getAllByName(host);
			for (InetAddress address : addresses) {
				String kind = refusedKind(address);
				if (kind != null) {
					throw new RefusedAddressException(refusedAddress(host + " resolves to", kind));
				}
			}
			return addresses;
		}

		@Override
		public String resolveCanonicalHostname(String host) {
			return host;
		}

	}

	/** A name resolved to an address webhooks may not reach: the request was not made. */
	static final class RefusedAddressException extends UnknownHostException {

		RefusedAddressException(String message) {
			super(message);
		}

	}

}
