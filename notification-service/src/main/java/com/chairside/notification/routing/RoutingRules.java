package com.chairside.notification.routing;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The routing rules, kept by admins. */
public interface RoutingRules extends MongoRepository<RoutingRule, String> {

}
