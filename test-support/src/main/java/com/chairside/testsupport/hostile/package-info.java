/**
 * Hostile input generated from a running service's own OpenAPI document, sent over real HTTP, and the checks that
 * each was refused as problem+json, stored nothing and left the service healthy.
 */
package com.chairside.testsupport.hostile;
