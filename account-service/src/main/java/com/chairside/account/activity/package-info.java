/** Activities: calls, visits, e-mails, meetings, demos, conference encounters and training sessions with an account. */
package com.chairside.account.activity;
