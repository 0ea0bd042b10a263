package com.chairside.testsupport.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The catalogue of hostile values: ids and parameters as they go on the wire, and what each tries. */
final class HostileValues {

	/** Larger than any field of the sales API may be, and than the services' body cap. */
	static final int HUGE = 1024 * 1024 + 1;

	/** As long as a URL may be without the server refusing the request line itself (8 KB of headers in Tomcat). */
	static final int LONG_IN_URL = 4000;

	/** Deeper than any parser should follow. */
	static final int DEEP = 10_000;

	private HostileValues() {
	}

	/** A value as it goes into a path segment or a query string, already percent-encoded. */
	record Encoded(String what, String text) {

		static Encoded of(String what, String plain) {
			return new Encoded(what, encode(plain));
		}

	}

	static String encode(String plain) {
		return URLEncoder.encode(plain, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** Ids that try to escape, match everything or break the decoder. */
	static List<Encoded> ids() {
		List<Encoded> ids = new ArrayList<>(injections());
		ids.add(new Encoded("encoded traversal", "..%2F..%2Fetc%2Fpasswd"));
		ids.add(new Encoded("double-encoded traversal", "..%252F..%252Fetc%252Fpasswd"));
		ids.add(new Encoded("dot-dot segment", "%2E%2E"));
		ids.add(new Encoded("matrix parameter", "x;jsessionid=hostile"));
		ids.add(new Encoded("CRLF header injection", "x%0D%0ASet-Cookie:%20hostile=1"));
		ids.add(Encoded.of("very long id", "9".repeat(LONG_IN_URL)));
		ids.add(Encoded.of("enormous number", "9223372036854775808"));
		ids.add(Encoded.of("negative number", "-1"));
		return ids;
	}

	/** Text a query or id may carry that an injectable store or decoder would act on. */
	static List<Encoded> injections() {
		return List.of(Encoded.of("traversal", "../../etc/passwd"), Encoded.of("operator object", "{\"$ne\":\"\"}"),
				Encoded.of("$where", "{\"$where\":\"sleep(5000) || true\"}"), Encoded.of("operator name", "$where"),
				Encoded.of("regex operator", "{\"$regex\":\".*\"}"), Encoded.of("SQL injection", "' OR 1=1 --"),
				Encoded.of("script", "<script>alert(1)</script>"), new Encoded("NUL byte", "x%00y"),
				new Encoded("invalid UTF-8", "%C3%28"), new Encoded("invalid UTF-8 bytes", "%FF%FE%FD"),
				new Encoded("encoded lone surrogate", "%ED%A0%80"), Encoded.of("huge text", "x".repeat(LONG_IN_URL)));
	}

	/** Values that no integer or decimal parameter may accept. */
	static List<Encoded> badNumbers(boolean decimal) {
		List<Encoded> numbers = new ArrayList<>(List.of(Encoded.of("wrong type", "twelve"),
				Encoded.of("negative", "-1"), Encoded.of("very negative", "-9223372036854775809"),
				Encoded.of("Long.MAX_VALUE + 1", "9223372036854775808"), Encoded.of("enormous", "1e400"),
				Encoded.of("not a number", "NaN")));
		if (!decimal) {
			numbers.add(Encoded.of("fraction", "1.5"));
		}
		return numbers;
	}

	/** Operator objects that a store would run if they reached a query as they are. */
	static List<String> operatorObjects() {
		return List.of("{\"$ne\":\"\"}", "{\"$where\":\"sleep(5000) || true\"}", "{\"$gt\":\"\"}",
				"{\"$regex\":\".*\"}");
	}

	/** Numbers no field of the sales API takes. */
	static List<String> badNumberLiterals() {
		return List.of("-1", "-1e9", "1e400", "-1e400", "9223372036854775808", "-9223372036854775809",
				"123456789012345678901234567890");
	}

	static String deepObject() {
		return "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
	}

	static String deepArray() {
		return "[".repeat(DEEP) + "]".repeat(DEEP);
	}

}
