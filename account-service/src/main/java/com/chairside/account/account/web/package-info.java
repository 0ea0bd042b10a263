/** HTTP adapter of accounts. */
package com.chairside.account.account.web;
