package org.commitmenttracker.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code tracker.security.jwt.*}: the documented defaults, and no service starts with an audience or grace that cannot work. */
class TokenSettingsTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        context.run(started -> assertThat(started.getBean(TokenSettings.class))
                .isEqualTo(new TokenSettings("commitment-tracker", Duration.ofMinutes(30))));
    }

    @Test
    void aBlankAudienceOrAGraceBeyondADayStopsTheStart() {
        context.withPropertyValues("tracker.security.jwt.audience= ").run(started ->
                assertThat(started).hasFailed().getFailure().hasStackTraceContaining("tracker.security.jwt.audience"));
        context.withPropertyValues("tracker.security.jwt.record-grace=25h").run(started ->
                assertThat(started).hasFailed().getFailure().hasStackTraceContaining("tracker.security.jwt.record-grace"));
        context.withPropertyValues("tracker.security.jwt.record-grace=-1m").run(started ->
                assertThat(started).hasFailed().getFailure().hasStackTraceContaining("tracker.security.jwt.record-grace"));
    }

    @EnableConfigurationProperties(TokenSettings.class)
    static class Settings {
    }
}
