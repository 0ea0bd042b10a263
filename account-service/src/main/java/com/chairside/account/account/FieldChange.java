package com.chairside.account.account;

import java.time.Instant;

/** One entry of an account's field history: who changed what, when, from what to what (values as text). */
public record FieldChange(String field, String from, String to, String by, Instant at) {

}
