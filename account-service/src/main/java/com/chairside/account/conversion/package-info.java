/** Opens accounts from the LeadConverted events of lead-service (a tolerant reader of chairside.leads). */
package com.chairside.account.conversion;
