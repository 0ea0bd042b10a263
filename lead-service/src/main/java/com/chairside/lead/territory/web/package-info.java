/** HTTP adapter of territories, maintained by admins. */
package com.chairside.lead.territory.web;
