/** The leads account-service knows, fed by lead-service's events (a tolerant reader of chairside.leads). */
package com.chairside.account.leads;
