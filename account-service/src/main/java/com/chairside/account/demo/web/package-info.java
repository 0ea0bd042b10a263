/** HTTP adapter of demos. */
package com.chairside.account.demo.web;
