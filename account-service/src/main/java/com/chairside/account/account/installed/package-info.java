/** An account's installed base: the units of any brand installed at the practice, for replacement planning. */
package com.chairside.account.account.installed;
