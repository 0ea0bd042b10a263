package com.chairside.account.account;

import java.util.List;

/** Buying-committee coverage: the roles known among the account's contacts, and those still missing. */
public record BuyingCommittee(List<BuyingRole> known, List<BuyingRole> missing) {

}
