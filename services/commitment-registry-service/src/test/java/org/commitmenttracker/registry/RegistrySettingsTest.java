package org.commitmenttracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.registry.agencies.AgencySettings;
import org.commitmenttracker.registry.batch.OffsetCommitSettings;
import org.commitmenttracker.registry.deadlines.DeadlineSettings;
import org.commitmenttracker.registry.store.ListSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/** The registry's settings keep their documented names and defaults (docs/operations.md). */
class RegistrySettingsTest {

    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        Binder none = new Binder(new MapConfigurationPropertySource());

        assertThat(none.bindOrCreate("tracker.agencies", AgencySettings.class).cacheTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(none.bindOrCreate("tracker.deadlines", DeadlineSettings.class))
                .isEqualTo(new DeadlineSettings(List.of(30, 7, 1), ZoneId.of("UTC"), Duration.ofSeconds(60),
                        Duration.ofSeconds(10), Duration.ofMinutes(10)));
        assertThat(none.bindOrCreate("tracker.lists", ListSettings.class).sortedHereLimit()).isEqualTo(20_000);
        assertThat(none.bindOrCreate("tracker.kafka", OffsetCommitSettings.class).commitInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theDocumentedPropertyNamesSetThem() {
        Binder set = new Binder(new MapConfigurationPropertySource(Map.of(
                "tracker.agencies.cache-ttl", "2s",
                "tracker.deadlines.horizons", "14,3",
                "tracker.deadlines.zone", "Asia/Shanghai",
                "tracker.deadlines.check-interval", "5m",
                "tracker.deadlines.initial-delay", "1h",
                "tracker.deadlines.lock-at-most-for", "30m",
                "tracker.lists.sorted-here-limit", "500",
                "tracker.kafka.commit-interval", "250ms")));

        assertThat(set.bindOrCreate("tracker.agencies", AgencySettings.class).cacheTtl()).isEqualTo(Duration.ofSeconds(2));
        assertThat(set.bindOrCreate("tracker.deadlines", DeadlineSettings.class))
                .isEqualTo(new DeadlineSettings(List.of(14, 3), ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(5),
                        Duration.ofHours(1), Duration.ofMinutes(30)));
        assertThat(set.bindOrCreate("tracker.lists", ListSettings.class).sortedHereLimit()).isEqualTo(500);
        assertThat(set.bindOrCreate("tracker.kafka", OffsetCommitSettings.class).commitInterval()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void badValuesAreRefusedNamingTheSetting() {
        assertRefused(DeadlineSettings.class, "tracker.deadlines", "check-interval", "0s", "checkInterval");
        assertRefused(DeadlineSettings.class, "tracker.deadlines", "lock-at-most-for", "0s", "lockAtMostFor");
        assertRefused(DeadlineSettings.class, "tracker.deadlines", "horizons", "7,-1", "horizons[1]");
        assertRefused(ListSettings.class, "tracker.lists", "sorted-here-limit", "-1", "sortedHereLimit");
    }

    private static void assertRefused(Class<?> settings, String prefix, String name, String value, String field) {
        try (LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean()) {
            validator.afterPropertiesSet();
            Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(prefix + "." + name, value)));
            assertThatThrownBy(() -> binder.bindOrCreate(prefix, Bindable.of(settings), new ValidationBindHandler(validator)))
                    .as(name + "=" + value).isInstanceOf(BindException.class)
                    .cause().isInstanceOf(BindValidationException.class).hasMessageContaining("'" + field + "'");
        }
    }
}
