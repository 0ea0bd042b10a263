/** account-service: the record of every customer and prospect. */
package com.chairside.account;
