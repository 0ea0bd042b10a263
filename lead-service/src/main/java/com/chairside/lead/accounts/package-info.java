/** account-service as lead-service asks it before a conversion: the accounts a practice already has (HTTP). */
package com.chairside.lead.accounts;
