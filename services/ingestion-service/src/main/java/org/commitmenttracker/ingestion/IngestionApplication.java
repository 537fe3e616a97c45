package org.commitmenttracker.ingestion;

import org.commitmenttracker.ingestion.communique.Communique;
import org.commitmenttracker.service.config.OutboxCollection;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Accepts communiqués, stores each once with its original, and announces it on {@code communiques}. */
@SpringBootApplication
@EnableConfigurationProperties(IngestionLimits.class)
public class IngestionApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngestionApplication.class, args);
    }

    @Bean
    OutboxCollection communiquesOutbox() {
        return new OutboxCollection(Communique.COLLECTION);
    }
}
