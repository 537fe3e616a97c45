package org.commitmenttracker.service.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tracker.outbox.*}: how the relay publishes the events written into documents' outboxes.
 *
 * @param workers           publishing workers; each publishes what waits as one batch, a document on one worker at a
 *                          time (its events stay in order)
 * @param sendTimeout       wait for Kafka's acknowledgement of one batch's events
 * @param sweepInterval     how often the relay looks for unpublished events after a publish failed (and the first
 *                          look after start-up's)
 * @param idleSweepInterval how often it looks when every publish succeeded: a sweep scans the collection, and only
 *                          the events of a replica that died and was not restarted are left for it
 */
@ConfigurationProperties("tracker.outbox")
@Validated
public record OutboxSettings(@DefaultValue("4") @Positive int workers,
                             @DefaultValue("10s") @DurationMin(millis = 1) Duration sendTimeout,
                             @DefaultValue("2s") @DurationMin(millis = 1) Duration sweepInterval,
                             @DefaultValue("30s") @DurationMin(millis = 1) Duration idleSweepInterval) {
}
