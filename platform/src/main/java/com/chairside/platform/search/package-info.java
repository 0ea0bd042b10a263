/**
 * Free-text search kept in each service's own documents: normalised terms stored with a document on every save and
 * matched by anchored prefix regexes, so a record is findable as soon as it is written and personal data never leaves
 * the service that owns it.
 */
package com.chairside.platform.search;
