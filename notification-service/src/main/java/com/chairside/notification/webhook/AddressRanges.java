package com.chairside.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The addresses that are not public unicast ones, by kind: loopback, private, link-local (the cloud metadata service at
 * 169.254.169.254 among them), unspecified, multicast, carrier-grade NAT and the other ranges IANA marks as not
 * globally reachable. An IPv6 address that carries an IPv4 one (IPv4-mapped, IPv4-compatible, NAT64, 6to4) is of the
 * kind of the IPv4 address it carries, so {@code [::ffff:10.0.0.1]} is as private as {@code 10.0.0.1}.
 */
final class AddressRanges {

	static final String LOOPBACK = "loopback";

	private static final List<Range> IPV4 = List.of(range("0.0.0.0/8", "unspecified"), range("10.0.0.0/8", "private"),
			range("100.64.0.0/10", "carrier-grade NAT"), range("127.0.0.0/8", LOOPBACK),
			range("169.254.0.0/16", "link-local"), range("172.16.0.0/12", "private"),
			range("192.0.0.0/24", "reserved"), range("192.0.2.0/24", "documentation"),
			range("192.88.99.0/24", "reserved"), range("192.168.0.0/16", "private"),
			range("198.18.0.0/15", "benchmarking"), range("198.51.100.0/24", "documentation"),
			range("203.0.113.0/24", "documentation"), range("224.0.0.0/4", "multicast"),
			range("240.0.0.0/4", "reserved")); // broadcast 255.255.255.255 among them

	private static final List<Range> IPV6 = List.of(range("::/128", "unspecified"), range("::1/128", LOOPBACK),
			range("fc00::/7", "private"), range("fec0::/10", "private"), range("fe80::/10", "link-local"),
			range("ff00::/8", "multicast"), range("64:ff9b:1::/48", "private"), range("100::/64", "reserved"),
			range("2001:db8::/32", "documentation"), range("2001::/32", "tunnelled (Teredo)"));

	/** IPv6 ranges that carry an IPv4 address, and the byte it starts at. */
	private static final List<Carrier> CARRIERS = List.of(new Carrier(range("::ffff:0:0/96", null), 12),
			new Carrier(range("::/96", null), 12), new Carrier(range("64:ff9b::/96", null), 12),
			new Carrier(range("2002::/16", null), 2));

	private AddressRanges() {
	}

	/** The kind of a non-public address ({@code "private"}, {@link #LOOPBACK}, ...), or {@code null} for a public one. */
	static String kindOf(InetAddress address) {
		return kindOf(address.getAddress());
	}

	private static String kindOf(byte[] address) {
		List<Range> ranges = (address.length == 4) ? IPV4 : IPV6;
		for (Range range : ranges) {
			if (range.contains(address)) {
				return range.kind();
			}
		}
		if (address.length == 16) {
			for (Carrier carrier : CARRIERS) {
				if (carrier.range().contains(address)) {
					return kindOf(Arrays.copyOfRange(address, carrier.from(), carrier.from() + 4));
				}
			}
		}
		return null;
	}

	private static Range range(String cidr, String kind) {
		int slash = cidr.indexOf('/');
		try {
			// literals only: no name is looked up
			byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
			int bits = Integer.parseInt(cidr.substring(slash + 1));
			return new Range((cidr.contains(":") && prefix.length == 4) ? mapped(prefix) : prefix, bits, kind);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(cidr, ex);
		}
	}

	/** Java reads {@code ::ffff:a.b.c.d} as the IPv4 address: the range is kept in its 16 bytes. */
	private static byte[] mapped(byte[] ipv4) {
		byte[] ipv6 = new byte[16];
		ipv6[10] = (byte) 0xff;
		ipv6[11] = (byte) 0xff;
		System.arraycopy(ipv4, 0, ipv6, 12, 4);
		return ipv6;
	}

	private record Range(byte[] prefix, int bits, String kind) {

		boolean contains(byte[] address) {
			if (address.length != this.prefix.length) {
				return false;
			}
			int whole = this.bits / 8;
			for (int i = 0; i < whole; i++) {
				if (address[i] != this.prefix[i]) {
					return false;
				}
			}
			int rest = this.bits % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (address[whole] & mask) == (this.prefix[whole] & mask);
		}

	}

	private record Carrier(Range range, int from) {
	}

}
