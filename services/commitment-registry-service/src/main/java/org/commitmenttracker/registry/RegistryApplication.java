package org.commitmenttracker.registry;

import java.util.List;

import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.store.CommitmentStore;
import org.commitmenttracker.service.config.OutboxCollection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The system of record for each commitment's status and history. */
@SpringBootApplication
public class RegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegistryApplication.class, args);
    }

    @Bean
    OutboxCollection commitmentsOutbox() {
        return new OutboxCollection(CommitmentStore.COLLECTION);
    }

    @Bean
    DeadlinePolicy deadlinePolicy(@Value("${tracker.deadlines.horizons:30,7,1}") List<Integer> horizons) {
        return new DeadlinePolicy(horizons);
    }
}
