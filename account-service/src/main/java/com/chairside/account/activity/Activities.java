package com.chairside.account.activity;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Activities extends MongoRepository<Activity, String> {

	Page<Activity> findByAccountId(String accountId, Pageable page);

}
