/** {@code /api/regions/{region}/targets/{period}}. */
package com.chairside.lead.target.web;
