package com.chairside.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import com.chairside.testsupport.store.IndexedQueries;

/**
 * A service started whole on a random port against the test {@link Infrastructure}: real HTTP, a real broker and the
 * MongoDB wire protocol. The class fails when the service sent its store a filter or sort that no index it declared
 * serves ({@link IndexedQueries}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@ExtendWith(IndexedQueries.class)
public @interface ServiceIntegrationTest {

}
