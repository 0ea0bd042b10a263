package com.chairside.account.demo;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Demos extends MongoRepository<Demo, String> {

}
