/** The installed-base endpoints under {@code /api/accounts/{id}/installed-base}. */
package com.chairside.account.account.installed.web;
