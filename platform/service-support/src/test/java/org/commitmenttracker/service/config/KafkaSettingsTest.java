package org.commitmenttracker.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code tracker.kafka.*} keeps its documented names and defaults (docs/operations.md), and the Kafka clients follow it. */
class KafkaSettingsTest {

    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        assertThat(new Binder(new MapConfigurationPropertySource()).bindOrCreate("tracker.kafka", KafkaSettings.class))
                .isEqualTo(new KafkaSettings(3, (short) 1, 8 * 1024 * 1024, 10_000));
    }

    @Test
    void theDocumentedPropertyNamesSetThem() {
        Binder set = new Binder(new MapConfigurationPropertySource(Map.of("tracker.kafka.partitions", "12",
                "tracker.kafka.replicas", "3", "tracker.kafka.max-message-bytes", "1048576",
                "tracker.kafka.session-timeout-ms", "6000")));

        assertThat(set.bindOrCreate("tracker.kafka", KafkaSettings.class))
                .isEqualTo(new KafkaSettings(12, (short) 3, 1_048_576, 6_000));
    }

    @Test
    void theProducersTheBinderAndItsConsumersTakeTheDefaults() {
        StandardEnvironment environment = new StandardEnvironment();
        new ServiceDefaults().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.kafka.producer.properties.max.request.size")).isEqualTo("8388608");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.min-partition-count")).isEqualTo("3");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms"))
                .isEqualTo("10000");
        assertThat(environment.getProperty("spring.kafka.producer.acks")).as("service-defaults.yml").isEqualTo("all");
    }

    @Test
    void theProducersTheBinderAndItsConsumersFollowTheSettingsUnlessTheServiceSetsThemItself() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("TRACKER_KAFKA_MAX_MESSAGE_BYTES", "1048576")));
        environment.getPropertySources().addFirst(new MapPropertySource("service", Map.of("tracker.kafka.partitions", "6",
                "spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms", "7000")));
        new ServiceDefaults().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.kafka.producer.properties.max.request.size")).isEqualTo("1048576");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.min-partition-count")).isEqualTo("6");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms"))
                .isEqualTo("7000");
    }

    @Test
    void aServiceWithABadSettingDoesNotStart() {
        new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .withPropertyValues("tracker.kafka.partitions=0")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("tracker.kafka.partitions"));
    }

    @EnableConfigurationProperties(KafkaSettings.class)
    static class Settings {
    }
}
