/**
 * Demos: a demo unit shown to an end-user account, a reseller or a lead not converted yet, booked race-free, moved or
 * cancelled until it takes place, completed with an outcome.
 */
package com.chairside.account.demo;
