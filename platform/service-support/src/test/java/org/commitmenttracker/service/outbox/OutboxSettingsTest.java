package org.commitmenttracker.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code tracker.outbox.*} keeps its documented names and defaults (docs/operations.md) and refuses what cannot work. */
class OutboxSettingsTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        context.run(started -> assertThat(started.getBean(OutboxSettings.class)).isEqualTo(new OutboxSettings(4,
                Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(30))));
    }

    @Test
    void theDocumentedPropertiesSetThem() {
        context.withPropertyValues("tracker.outbox.workers=2", "tracker.outbox.send-timeout=5s",
                        "tracker.outbox.sweep-interval=1s", "tracker.outbox.idle-sweep-interval=1m")
                .run(started -> assertThat(started.getBean(OutboxSettings.class)).isEqualTo(new OutboxSettings(2,
                        Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1))));
    }

    @Test
    void noWorkersOrAZeroIntervalStopsTheStart() {
        context.withPropertyValues("tracker.outbox.workers=0").run(started ->
                assertThat(started).hasFailed().getFailure().hasStackTraceContaining("tracker.outbox.workers"));
        context.withPropertyValues("tracker.outbox.sweep-interval=0s").run(started ->
                assertThat(started).hasFailed().getFailure().hasStackTraceContaining("tracker.outbox.sweep-interval"));
    }

    @EnableConfigurationProperties(OutboxSettings.class)
    static class Settings {
    }
}
