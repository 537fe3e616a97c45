package org.commitmenttracker.registry.lineage;

import org.commitmenttracker.service.config.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The links' announcements ({@code commitment.linked.v1}) wait in each link's document, like commitments' events. */
@Configuration
class LineageOutbox {
    @Bean
    OutboxCollection linksOutbox() {
        return new OutboxCollection(CommitmentLinks.COLLECTION);
    }
}
