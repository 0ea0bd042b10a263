package com.chairside.account.account;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Every account; region-scoped finders keep account managers inside their region. */
public interface Accounts extends MongoRepository<Account, String> {

	Optional<Account> findByIdAndRegion(String id, String region);

	Page<Account> findByRegion(String region, Pageable page);

	boolean existsByLeadId(String leadId);

}
