package com.chairside.account.account;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/**
 * Every account; region-scoped finders keep account managers inside their region. A single account is read by its id
 * alone and its region checked in {@link AccountManagement} (see {@code com.chairside.platform.persistence}).
 */
public interface Accounts extends MongoRepository<Account, String> {

	Page<Account> findByRegion(String region, Pageable page);

	boolean existsByLeadId(String leadId);

}
