package com.chairside.lead.lead;

import org.springframework.data.mongodb.repository.MongoRepository;

/**
 * The prospect database, read by id ({@link LeadManagement} keeps account managers inside their region) or by the
 * list's criteria.
 */
public interface Leads extends MongoRepository<Lead, String> {
}
