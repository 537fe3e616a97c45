package org.commitmenttracker.notification.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Retries and dead letters of the two batch-mode bindings, record by record. The binder's own dead-letter
 * handling sends a whole failed poll to the dead-letter topic; instead (its {@code enable-dlq} is off for these
 * bindings) the container's {@link DefaultErrorHandler} takes the one record {@link Handled} names: retried
 * with the binding's {@code max-attempts} and back-off, except the exceptions the binding marks not retryable
 * (not a valid event), then published to the binding's {@code dlq-name} with the binder's header names
 * ({@code x-exception-message} = the reason, {@code x-original-topic}…). A failure because the store cannot be
 * reached is no record's fault: the poll is retried, the back-off growing to the binding's longest interval, for as
 * long as the store stays away, and never dead-lettered (that would drop its alerts: nothing replays the
 * dead-letter topics). Any other failure of the poll as a whole is retried like a record's and then dead-letters
 * every record of it.
 */
@Configuration
class DeadLetters implements DisposableBean {
    private static final List<String> BINDINGS = List.of("alertOnStatusChange-in-0", "alertOnDeadline-in-0");
    /** Dead letters keep the consumed record's bytes, key and value (not a bean: Boot's own factory stays). */
    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;

    DeadLetters(KafkaProperties properties) {
        this.producers = new DefaultKafkaProducerFactory<>(properties.buildProducerProperties(), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /** Dead-letter topic and consumer settings by consumed topic. */
    record Routes(Map<String, String> byDestination, Map<String, ConsumerProperties> consumers) {
    }

    @Bean
    Routes deadLetterRoutes(BindingServiceProperties bindings, Environment environment) {
        Map<String, String> byDestination = new LinkedHashMap<>();
        Map<String, ConsumerProperties> consumers = new LinkedHashMap<>();
        for (String binding : BINDINGS) {
            String destination = bindings.getBindingDestination(binding);
            // (the binder's extended properties live in its own context: the dlq-name as configured)
            byDestination.put(destination, environment.getRequiredProperty("spring.cloud.stream.kafka.bindings." + binding + ".consumer.dlq-name"));
            consumers.put(destination, bindings.getConsumerProperties(binding));
        }
        return new Routes(byDestination, consumers);
    }

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> recordByRecordDeadLetters(
            Routes routes) {
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(producers);
        return (container, destination, group) -> {
            String deadLetterTopic = routes.byDestination().get(destination);
            if (deadLetterTopic == null) {
                return;
            }
            DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                    (record, failure) -> new TopicPartition(deadLetterTopic, 0));
            recoverer.setHeaderNamesSupplier(() -> new DeadLetterPublishingRecoverer.HeaderNames.Builder()
                    .original().topicHeader("x-original-topic").partitionHeader("x-original-partition")
                    .offsetHeader("x-original-offset").timestampHeader("x-original-timestamp")
                    .timestampTypeHeader("x-original-timestamp-type").consumerGroupHeader("x-original-group")
                    .exception().exceptionFqcn("x-exception-fqcn").exceptionCauseFqcn("x-exception-cause-fqcn")
                    .exceptionMessage("x-exception-message").exceptionStacktrace("x-exception-stacktrace")
                    .keyExceptionFqcn("x-key-exception-fqcn").keyExceptionMessage("x-key-exception-message")
                    .keyExceptionStacktrace("x-key-exception-stacktrace")
                    .build());
            ConsumerProperties consumer = routes.consumers().get(destination);
            ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(Math.max(0, consumer.getMaxAttempts() - 1));
            backOff.setInitialInterval(consumer.getBackOffInitialInterval());
            backOff.setMultiplier(consumer.getBackOffMultiplier());
            backOff.setMaxInterval(consumer.getBackOffMaxInterval());
            DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> recoverer.accept(record, reason(failure)), backOff);
            ExponentialBackOff untilTheStoreIsBack = new ExponentialBackOff(consumer.getBackOffInitialInterval(), consumer.getBackOffMultiplier());
            untilTheStoreIsBack.setMaxInterval(consumer.getBackOffMaxInterval()); // and no limit on attempts or time
            handler.setBackOffFunction((record, failure) -> storeUnreachable(failure) ? untilTheStoreIsBack : null);
            consumer.getRetryableExceptions().forEach((type, retryable) -> {
                if (!retryable) {
                    handler.addNotRetryableExceptions(type.asSubclass(Exception.class));
                }
            });
            container.setCommonErrorHandler(handler);
        };
    }

    /** Whether {@code failure} (or what caused it) is the store being out of reach, rather than anything a record did. */
    static boolean storeUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof MongoSocketException || cause instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** What a record failed for, without the listener's wrappers around it: the {@code x-exception-message}. */
    private static Exception reason(Exception failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof Exception root ? root : failure;
    }

    /** The dead-letter topics (the binder creates them only for the bindings whose dead letters it sends). */
    @Bean
    KafkaAdmin.NewTopics notificationDeadLetterTopics(Routes routes, @Value("${tracker.kafka.replicas:1}") short replicas,
                                                      @Value("${tracker.kafka.max-message-bytes:8388608}") int maxMessageBytes) {
        return new KafkaAdmin.NewTopics(routes.byDestination().values().stream()
                .map(name -> TopicBuilder.name(name).partitions(1).replicas(replicas)
                        .config("max.message.bytes", String.valueOf(maxMessageBytes)).build())
                .toArray(NewTopic[]::new));
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
