package com.chairside.lead.importing;

import java.util.List;

/** One data row of an import's file: its line number, its fields, and whether a field was cut at the size limit. */
record CsvLine(long line, List<String> fields, boolean oversized) {
}
