package com.chairside.lead.lead;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The prospect database. Region-scoped finders keep account managers inside their region. */
public interface Leads extends MongoRepository<Lead, String> {

	Optional<Lead> findByIdAndRegion(String id, String region);

}
