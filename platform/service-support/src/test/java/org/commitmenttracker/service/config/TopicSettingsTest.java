package org.commitmenttracker.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code tracker.kafka.*} keeps its documented names and defaults (docs/operations.md). */
class TopicSettingsTest {

    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        assertThat(new Binder(new MapConfigurationPropertySource()).bindOrCreate("tracker.kafka", TopicSettings.class))
                .isEqualTo(new TopicSettings(3, (short) 1, 8 * 1024 * 1024));
    }

    @Test
    void theDocumentedPropertyNamesSetThem() {
        Binder set = new Binder(new MapConfigurationPropertySource(Map.of("tracker.kafka.partitions", "12",
                "tracker.kafka.replicas", "3", "tracker.kafka.max-message-bytes", "1048576")));

        assertThat(set.bindOrCreate("tracker.kafka", TopicSettings.class)).isEqualTo(new TopicSettings(12, (short) 3, 1_048_576));
    }
}
