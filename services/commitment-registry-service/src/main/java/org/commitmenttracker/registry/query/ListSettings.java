package org.commitmenttracker.registry.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tracker.lists.*}.
 *
 * @param sortedHereLimit up to how many matching commitments a list sorted by anything but its key is sorted by the
 *                        service rather than the store ({@link CommitmentPages})
 */
@ConfigurationProperties("tracker.lists")
public record ListSettings(@DefaultValue("20000") int sortedHereLimit) {
}
