package org.commitmenttracker.registry.agencies;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tracker.agencies.*}.
 *
 * @param cacheTtl how long a replica uses its copy of the agency directory and assignment rules before reading them
 *                 again (a save on the same replica drops it at once)
 */
@ConfigurationProperties("tracker.agencies")
public record AgencySettings(@DefaultValue("5s") Duration cacheTtl) {
}
