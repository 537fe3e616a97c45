package org.commitmenttracker.service.outbox;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports the outbox backlog in readiness. It stays UP while events wait for Kafka: the service still
 * accepts writes during a broker outage, and publishes them when the broker returns.
 */
public class OutboxHealthIndicator implements HealthIndicator {
    private final OutboxRelay relay;

    public OutboxHealthIndicator(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("pendingDocuments", relay.backlog())
                .withDetail("publishedEvents", relay.publishedCount()).build();
    }
}
