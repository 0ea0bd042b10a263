package com.chairside.platform.search;

/**
 * One search result as the services answer it: what it is, its id, how people name it (never a bare id), a line
 * that tells it apart (e.g. city · specialty · status), its region and how well it matched (higher is better).
 */
public record SearchHit(String type, String id, String title, String subtitle, String region, double score) {

	/** Parts joined by " · ", the empty ones left out. */
	public static String line(Object... parts) {
		StringBuilder line = new StringBuilder();
		for (Object part : parts) {
			if (part != null && !part.toString().isBlank()) {
				line.append((line.length() > 0) ? " · " : "").append(part);
			}
		}
		return line.toString();
	}

}
