package com.chairside.lead.importing;

import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A row not created, and why; one document each, so no import outgrows a document. */
@Document("lead_import_problems")
@CompoundIndex(name = "import_line", def = "{'importId': 1, 'line': 1}")
public record ImportProblem(String id, String importId, long line, String reason) {
}
