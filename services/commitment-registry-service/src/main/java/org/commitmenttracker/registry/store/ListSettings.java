package org.commitmenttracker.registry.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * {@code tracker.lists.*}.
 *
 * @param sortedHereLimit up to how many matching commitments a list sorted by anything but its key is sorted by the
 *                        service rather than the store ({@link CommitmentQueries})
 */
@Validated
@ConfigurationProperties("tracker.lists")
public record ListSettings(@DefaultValue("20000") @PositiveOrZero int sortedHereLimit) {
}
