/** Importing leads from CSV of any size: stored as it streams in, processed in batches, progress kept in the store. */
package com.chairside.lead.importing;
