package org.commitmenttracker.registry.deadlines;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

/** Scheduled jobs that must run on one replica at a time hold a lease in the {@code shedLock} collection. */
@Configuration
class SchedulerLockConfiguration {

    @Bean
    LockingTaskExecutor lockingTaskExecutor(MongoTemplate mongo) {
        return new DefaultLockingTaskExecutor(new MongoLockProvider(mongo.getDb()));
    }
}
