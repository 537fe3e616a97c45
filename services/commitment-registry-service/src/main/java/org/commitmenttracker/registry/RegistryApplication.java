package org.commitmenttracker.registry;

import org.commitmenttracker.registry.agencies.AgencySettings;
import org.commitmenttracker.registry.batch.OffsetCommitSettings;
import org.commitmenttracker.registry.deadlines.DeadlineSettings;
import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.store.CommitmentStore;
import org.commitmenttracker.registry.store.ListSettings;
import org.commitmenttracker.service.config.OutboxCollection;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The system of record for each commitment's status and history. */
@SpringBootApplication
@EnableConfigurationProperties({AgencySettings.class, DeadlineSettings.class, ListSettings.class, OffsetCommitSettings.class})
public class RegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegistryApplication.class, args);
    }

    @Bean
    OutboxCollection commitmentsOutbox() {
        return new OutboxCollection(CommitmentStore.COLLECTION);
    }

    @Bean
    DeadlinePolicy deadlinePolicy(DeadlineSettings settings) {
        return new DeadlinePolicy(settings.horizons());
    }
}
