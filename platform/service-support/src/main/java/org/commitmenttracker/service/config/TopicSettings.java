package org.commitmenttracker.service.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tracker.kafka.*}: the topics a service creates (the platform's and its batch bindings' dead-letter
 * topics). {@code service-defaults.yml} passes the same {@code max-message-bytes} and {@code partitions} to the
 * producers' {@code max.request.size} and the binder's {@code min-partition-count}.
 *
 * @param partitions      partitions of the platform's topics
 * @param replicas        replication of every topic the service creates
 * @param maxMessageBytes largest record a topic accepts: a communiqué event carries the whole text
 */
@ConfigurationProperties("tracker.kafka")
public record TopicSettings(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas,
                            @DefaultValue("8388608") int maxMessageBytes) {
}
