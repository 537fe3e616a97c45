package org.commitmenttracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.commitmenttracker.notification.email.EmailSettings;
import org.commitmenttracker.notification.secrets.SecretsSettings;
import org.commitmenttracker.notification.subscriptions.RefreshSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Notification's settings keep their documented names and defaults (docs/operations.md), and never show the key. */
class NotificationSettingsTest {

    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        Binder none = new Binder(new MapConfigurationPropertySource());

        assertThat(none.bindOrCreate("tracker.notification", SecretsSettings.class).secretsKey()).isEmpty();
        assertThat(none.bindOrCreate("tracker.subscriptions", RefreshSettings.class).refreshOverlap()).isEqualTo(Duration.ofSeconds(10));
        assertThat(none.bindOrCreate("tracker.email", EmailSettings.class).retryDelay()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theDocumentedPropertyNamesSetThemAndTheKeyIsNeverShown() {
        String key = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
        Binder set = new Binder(new MapConfigurationPropertySource(Map.of(
                "tracker.notification.secrets-key", key,
                "tracker.subscriptions.refresh-overlap", "30s",
                "tracker.email.retry-delay", "1m")));

        SecretsSettings secrets = set.bindOrCreate("tracker.notification", SecretsSettings.class);
        assertThat(secrets.secretsKey()).isEqualTo(key);
        assertThat(secrets.toString()).doesNotContain(key);
        assertThat(set.bindOrCreate("tracker.subscriptions", RefreshSettings.class).refreshOverlap()).isEqualTo(Duration.ofSeconds(30));
        assertThat(set.bindOrCreate("tracker.email", EmailSettings.class).retryDelay()).isEqualTo(Duration.ofMinutes(1));
    }
}
