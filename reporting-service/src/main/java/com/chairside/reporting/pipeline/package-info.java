/** The lead pipeline: leads by status and accounts opened, per region. */
package com.chairside.reporting.pipeline;
