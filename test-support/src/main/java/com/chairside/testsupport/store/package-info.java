/**
 * What the services under test ask of their store: every command recorded with the shape of its filter, checked
 * against the indexes the service declared ({@link com.chairside.testsupport.store.IndexedQueries}), and counted per
 * request or event ({@link com.chairside.testsupport.store.Recording}).
 */
package com.chairside.testsupport.store;
