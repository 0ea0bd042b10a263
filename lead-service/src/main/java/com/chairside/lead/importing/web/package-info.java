/** HTTP adapter of lead imports. */
package com.chairside.lead.importing.web;
