package com.chairside.account.account;

/** A postal address: the billing address or the delivery and installation site. */
public record Address(String street, String postalCode, String city, String country) {

}
