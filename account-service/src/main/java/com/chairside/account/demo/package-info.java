/** Demos: a demo unit shown to an end-user account or a reseller, booked race-free, completed with an outcome. */
package com.chairside.account.demo;
