/** The account aggregate: a practice the company sells to, opened from a converted lead or directly. */
package com.chairside.account.account;
