package com.chairside.notification.notification;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Every notification recorded. */
public interface Notifications extends MongoRepository<Notification, String> {

}
