/** Market knowledge from account-service: the equipment installed at each account's practice, any brand. */
package com.chairside.reporting.market;
