package com.chairside.devstack;

/** Just enough JSON writing for the devstack's tiny HTTP answers, which keeps it free of a JSON library. */
final class Json {

	private Json() {
	}

	static String quote(String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
