/**
 * The lead funnel and accounts: one document per lead with the time it reached each stage (from
 * {@code chairside.leads}), one per account opened with its specialty and owner (from {@code chairside.accounts}).
 */
package com.chairside.reporting.pipeline;
