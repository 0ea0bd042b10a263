/** lead-service: where an account manager prospects. */
package com.chairside.lead;
