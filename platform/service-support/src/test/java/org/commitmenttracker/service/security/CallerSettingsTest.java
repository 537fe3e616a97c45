package org.commitmenttracker.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code tracker.security.*} keeps its documented names and defaults (docs/operations.md) and refuses what cannot work. */
class CallerSettingsTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        context.run(started -> assertThat(started.getBean(CallerSettings.class))
                .isEqualTo(new CallerSettings("roles", "agency_id", new CallerSettings.RateLimit(50))));
    }

    @Test
    void theDocumentedPropertiesSetThem() {
        context.withPropertyValues("tracker.security.roles-claim=groups", "tracker.security.agency-claim=org",
                        "tracker.security.rate-limit.writes-per-second=5")
                .run(started -> assertThat(started.getBean(CallerSettings.class))
                        .isEqualTo(new CallerSettings("groups", "org", new CallerSettings.RateLimit(5))));
    }

    @Test
    void aBlankClaimOrNoWritesStopTheStart() {
        context.withPropertyValues("tracker.security.roles-claim= ").run(started ->
                assertThat(started).hasFailed().getFailure().hasStackTraceContaining("tracker.security.roles-claim"));
        context.withPropertyValues("tracker.security.rate-limit.writes-per-second=0").run(started -> assertThat(started)
                .hasFailed().getFailure().hasStackTraceContaining("rateLimit.writesPerSecond"));
    }

    @EnableConfigurationProperties(CallerSettings.class)
    static class Settings {
    }
}
