package org.commitmenttracker.service.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code service-defaults.yml} (probes, graceful shutdown, Kafka and MongoDB from the environment,
 * consumer retries and dead-letter topics) with the lowest precedence: every service starts from the same
 * defaults and overrides them in its own application.yml or the environment. Below it, the Kafka clients' settings
 * that follow {@link KafkaSettings}, whose defaults live there only.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {
    static final String RESOURCE = "service-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        KafkaSettings kafka = Binder.get(environment).bindOrCreate(KafkaSettings.PREFIX, KafkaSettings.class);
        environment.getPropertySources().addLast(new MapPropertySource(KafkaSettings.PREFIX, kafkaClients(kafka)));
    }

    /** What the producers, the binder and its consumers take from {@code tracker.kafka.*}. */
    static Map<String, Object> kafkaClients(KafkaSettings kafka) {
        return Map.of("spring.kafka.producer.properties.max.request.size", kafka.maxMessageBytes(),
                "spring.cloud.stream.kafka.binder.min-partition-count", kafka.partitions(),
                "spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms", kafka.sessionTimeoutMs());
    }
}
