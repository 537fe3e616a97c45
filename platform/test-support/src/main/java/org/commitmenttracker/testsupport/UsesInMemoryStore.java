package org.commitmenttracker.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class runs without a broker, against the {@link InMemoryStore}: for function beans driven through the
 * test binder. Nothing of the service reaches a Kafka broker (its address points where none listens).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(InMemoryStoreExtension.class)
public @interface UsesInMemoryStore {
    /** The MongoDB database the code under test uses. */
    String database();
}
