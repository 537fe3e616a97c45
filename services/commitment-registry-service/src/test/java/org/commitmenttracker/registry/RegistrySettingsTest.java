package org.commitmenttracker.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.registry.agencies.AgencySettings;
import org.commitmenttracker.registry.batch.OffsetCommitSettings;
import org.commitmenttracker.registry.deadlines.DeadlineSettings;
import org.commitmenttracker.registry.query.ListSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The registry's settings keep their documented names and defaults (docs/operations.md). */
class RegistrySettingsTest {

    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        Binder none = new Binder(new MapConfigurationPropertySource());

        assertThat(none.bindOrCreate("tracker.agencies", AgencySettings.class).cacheTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(none.bindOrCreate("tracker.deadlines", DeadlineSettings.class))
                .isEqualTo(new DeadlineSettings(List.of(30, 7, 1), ZoneId.of("UTC")));
        assertThat(none.bindOrCreate("tracker.lists", ListSettings.class).sortedHereLimit()).isEqualTo(20_000);
        assertThat(none.bindOrCreate("tracker.kafka", OffsetCommitSettings.class).commitInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theDocumentedPropertyNamesSetThem() {
        Binder set = new Binder(new MapConfigurationPropertySource(Map.of(
                "tracker.agencies.cache-ttl", "2s",
                "tracker.deadlines.horizons", "14,3",
                "tracker.deadlines.zone", "Asia/Shanghai",
                "tracker.lists.sorted-here-limit", "500",
                "tracker.kafka.commit-interval", "250ms")));

        assertThat(set.bindOrCreate("tracker.agencies", AgencySettings.class).cacheTtl()).isEqualTo(Duration.ofSeconds(2));
        assertThat(set.bindOrCreate("tracker.deadlines", DeadlineSettings.class))
                .isEqualTo(new DeadlineSettings(List.of(14, 3), ZoneId.of("Asia/Shanghai")));
        assertThat(set.bindOrCreate("tracker.lists", ListSettings.class).sortedHereLimit()).isEqualTo(500);
        assertThat(set.bindOrCreate("tracker.kafka", OffsetCommitSettings.class).commitInterval()).isEqualTo(Duration.ofMillis(250));
    }
}
