package com.chairside.lead.lead;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The prospect database. Region-scoped finders keep account managers inside their region. */
public interface Leads extends MongoRepository<Lead, String> {

	Optional<Lead> findByIdAndRegion(String id, String region);

	Page<Lead> findByRegion(String region, Pageable page);

	Page<Lead> findByRegionAndStatus(String region, LeadStatus status, Pageable page);

	Page<Lead> findByStatus(LeadStatus status, Pageable page);

}
