package org.commitmenttracker.registry.batch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registry's own {@code tracker.kafka.*} setting (the others are every service's).
 *
 * @param commitInterval how often the registry's consumers commit their offsets ({@link OffsetCommits})
 */
@ConfigurationProperties("tracker.kafka")
public record OffsetCommitSettings(@DefaultValue("1s") Duration commitInterval) {
}
