package com.chairside.reporting.projection;

import org.springframework.data.mongodb.core.query.Update;

/** The change one event makes to one projection document ({@code id}), applied only when the event is newer. */
public record ProjectionWrite(String id, Update update) {
}
