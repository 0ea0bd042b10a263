package com.chairside.lead.lead;

import java.time.Instant;

/** One entry of a lead's field history: who changed what, when, from what to what (values as text). */
public record FieldChange(String leadId, String field, String from, String to, String by, Instant at) {
}
