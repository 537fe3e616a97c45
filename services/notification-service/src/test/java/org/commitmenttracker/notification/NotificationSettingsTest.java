package org.commitmenttracker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Validation;

import org.commitmenttracker.notification.batching.BatchSettings;
import org.commitmenttracker.notification.email.EmailSettings;
import org.commitmenttracker.notification.secrets.SecretsSettings;
import org.commitmenttracker.notification.subscriptions.RefreshSettings;
import org.commitmenttracker.notification.webhook.WebhookSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** Notification's settings keep their documented names and defaults (docs/operations.md), and never show the key. */
class NotificationSettingsTest {

    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        Binder none = new Binder(new MapConfigurationPropertySource());

        assertThat(none.bindOrCreate("tracker.notification", SecretsSettings.class).secretsKey()).isEmpty();
        assertThat(none.bindOrCreate("tracker.subscriptions", RefreshSettings.class).refreshOverlap()).isEqualTo(Duration.ofSeconds(10));
        assertThat(none.bindOrCreate("tracker.email", EmailSettings.class).retryDelay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(none.bindOrCreate("tracker.subscriptions", RefreshSettings.class).refreshInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(none.bindOrCreate("tracker.alerts", BatchSettings.class))
                .isEqualTo(new BatchSettings(Duration.ofSeconds(5), Duration.ofSeconds(60)));
        assertThat(none.bindOrCreate("tracker.webhooks", WebhookSettings.class).sweepInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aBatchLeaseOfZeroIsRefusedWithItsName() {
        Binder zero = new Binder(new MapConfigurationPropertySource(Map.of("tracker.alerts.batch-lease", "0s")));
        ValidationBindHandler validated = new ValidationBindHandler(
                new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator()));

        assertThatThrownBy(() -> zero.bindOrCreate("tracker.alerts", Bindable.of(BatchSettings.class), validated))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("batchLease");
    }

    /** application.yml names none of these: the variables operators set (docs/operations.md) reach them by themselves. */
    @Test
    void theDocumentedEnvironmentVariablesSetThem() {
        Binder environment = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource("env", Map.<String, Object>of(
                "TRACKER_SUBSCRIPTIONS_REFRESH_INTERVAL", "2s",
                "TRACKER_ALERTS_BATCH_SWEEP_INTERVAL", "3s",
                "TRACKER_ALERTS_BATCH_LEASE", "90s",
                "TRACKER_WEBHOOKS_SWEEP_INTERVAL", "4s",
                "TRACKER_EMAIL_PUBLIC_BASE_URL", "https://alerts.example.org"))));

        assertThat(environment.bindOrCreate("tracker.subscriptions", RefreshSettings.class).refreshInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(environment.bindOrCreate("tracker.alerts", BatchSettings.class))
                .isEqualTo(new BatchSettings(Duration.ofSeconds(3), Duration.ofSeconds(90)));
        assertThat(environment.bindOrCreate("tracker.webhooks", WebhookSettings.class).sweepInterval()).isEqualTo(Duration.ofSeconds(4));
        assertThat(environment.bindOrCreate("tracker.email", EmailSettings.class).publicBaseUrl()).isEqualTo("https://alerts.example.org");
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
