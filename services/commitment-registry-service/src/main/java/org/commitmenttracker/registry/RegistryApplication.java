package org.commitmenttracker.registry;

import org.commitmenttracker.registry.intake.CommitmentDocument;
import org.commitmenttracker.service.config.OutboxCollection;
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
        return new OutboxCollection(CommitmentDocument.COLLECTION);
    }
}
