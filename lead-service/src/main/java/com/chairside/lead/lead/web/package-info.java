/** HTTP adapter of leads: request and view records, never the document itself. */
package com.chairside.lead.lead.web;
