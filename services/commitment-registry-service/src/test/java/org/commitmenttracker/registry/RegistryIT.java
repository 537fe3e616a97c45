package org.commitmenttracker.registry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.commitmenttracker.testsupport.MutableClock;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * One registry context for every integration test (so only one consumer group member runs), on the real
 * broker and store, with a clock tests can move and the scheduled deadline watcher out of the way.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@UsesTestStack(database = "registry-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tracker.deadlines.initial-delay=1h", "tracker.outbox.sweep-interval=1s"})
@Import(RegistryIT.TestClock.class)
public @interface RegistryIT {

    @TestConfiguration
    class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }
}
