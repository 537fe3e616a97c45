package org.commitmenttracker.service.config;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tracker.kafka.*}: the topics a service creates (the platform's and its batch bindings' dead-letter topics)
 * and what its Kafka clients take from them; {@link ServiceDefaults} passes {@code max-message-bytes},
 * {@code partitions} and {@code session-timeout-ms} on to the producers, the binder and its consumers.
 *
 * @param partitions       partitions of the platform's topics; also the binder's {@code min-partition-count}
 * @param replicas         replication of every topic the service creates
 * @param maxMessageBytes  largest record a topic accepts, and the producers' {@code max.request.size}: a communiqué
 *                         event carries the whole text
 * @param sessionTimeoutMs consumers' {@code session.timeout.ms} (Kafka's default is 45 s): a killed instance stays a
 *                         member of its groups, holding its partitions, until this passes; the broker accepts 6 s and
 *                         more by default
 */
@ConfigurationProperties(KafkaSettings.PREFIX)
@Validated
public record KafkaSettings(@DefaultValue("3") @Positive int partitions, @DefaultValue("1") @Positive short replicas,
                            @DefaultValue("8388608") @Positive int maxMessageBytes,
                            @DefaultValue("10000") @Positive int sessionTimeoutMs) {
    static final String PREFIX = "tracker.kafka";
}
