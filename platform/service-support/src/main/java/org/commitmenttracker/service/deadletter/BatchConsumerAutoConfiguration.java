package org.commitmenttracker.service.deadletter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.commitmenttracker.service.config.ServiceSupportAutoConfiguration;
import org.commitmenttracker.service.config.KafkaSettings;
import org.commitmenttracker.service.lifecycle.ShutdownSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What every batch-mode binding of a service shares ({@link BatchDeadLetters}): the raw-records converter, the
 * redelivering error handler, the dead letters and their topics. A batch binding must name the first two and a
 * {@code dlq-name}, and switch the binder's own dead-lettering off; a service that misses one does not start.
 */
@AutoConfiguration(after = ServiceSupportAutoConfiguration.class)
public class BatchConsumerAutoConfiguration {
    private static final String KAFKA_BINDINGS = "spring.cloud.stream.kafka.bindings.";
    private static final String KAFKA_DEFAULT_CONSUMER = "spring.cloud.stream.kafka.default.consumer.";
    private static final Logger log = LoggerFactory.getLogger(BatchConsumerAutoConfiguration.class);

    /** The dead-letter topic of each topic a batch binding consumes. */
    record Routes(Map<String, String> deadLetterTopicsOf) {
    }

    @Bean
    Routes batchDeadLetterRoutes(BindingServiceProperties bindings, Environment environment) {
        Map<String, String> routes = new LinkedHashMap<>();
        List<String> misconfigured = new ArrayList<>();
        for (Map.Entry<String, BindingProperties> binding : bindings.getBindings().entrySet()) {
            if (binding.getValue().getConsumer() == null || !binding.getValue().getConsumer().isBatchMode()) {
                continue;
            }
            // (the binder's extended properties live in its own context: read as configured)
            String consumer = KAFKA_BINDINGS + binding.getKey() + ".consumer.";
            String deadLetterTopic = environment.getProperty(consumer + "dlq-name");
            if (deadLetterTopic == null
                    || environment.getProperty(consumer + "enable-dlq", Boolean.class,
                            environment.getProperty(KAFKA_DEFAULT_CONSUMER + "enable-dlq", Boolean.class, false))
                    || !BatchDeadLetters.CONVERTER.equals(environment.getProperty(consumer + "converter-bean-name"))
                    || !BatchDeadLetters.ERROR_HANDLER.equals(environment.getProperty(consumer + "common-error-handler-bean-name"))) {
                misconfigured.add(binding.getKey());
                continue;
            }
            String previous = routes.put(binding.getValue().getDestination(), deadLetterTopic);
            if (previous != null && !previous.equals(deadLetterTopic)) {
                misconfigured.add(binding.getKey() + " (its destination has another batch binding)");
            }
        }
        if (!misconfigured.isEmpty()) {
            throw new IllegalStateException("Batch bindings " + misconfigured + " need, under " + KAFKA_BINDINGS
                    + "<binding>.consumer: dlq-name, enable-dlq: false, converter-bean-name: " + BatchDeadLetters.CONVERTER
                    + ", common-error-handler-bean-name: " + BatchDeadLetters.ERROR_HANDLER + " (BatchDeadLetters)");
        }
        return new Routes(routes);
    }

    /** Dead letters keep the consumed record's key and value bytes (a template of their own: Boot's stays). */
    @Bean
    BatchDeadLetters batchDeadLetters(DeadLetterProducers producers, Routes routes) {
        return new BatchDeadLetters(new KafkaTemplate<>(producers.factory()), routes.deadLetterTopicsOf());
    }

    /** The dead-letter producers, closed within the shutdown bound like every other producer. */
    record DeadLetterProducers(DefaultKafkaProducerFactory<byte[], byte[]> factory) implements AutoCloseable {
        @Override
        public void close() {
            factory.destroy();
        }
    }

    @Bean
    DeadLetterProducers deadLetterProducers(KafkaProperties properties, ShutdownSettings shutdown) {
        DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(
                properties.buildProducerProperties(), new ByteArraySerializer(), new ByteArraySerializer());
        factory.setPhysicalCloseTimeout(shutdown.closeTimeoutSeconds());
        return new DeadLetterProducers(factory);
    }

    /** The dead-letter topics (the binder creates them only for the bindings whose dead letters it sends). */
    @Bean
    KafkaAdmin.NewTopics batchDeadLetterTopics(Routes routes, KafkaSettings settings) {
        return new KafkaAdmin.NewTopics(routes.deadLetterTopicsOf().values().stream().distinct()
                .map(name -> TopicBuilder.name(name).partitions(1).replicas(settings.replicas())
                        .config("max.message.bytes", String.valueOf(settings.maxMessageBytes())).build())
                .toArray(NewTopic[]::new));
    }

    @Bean(BatchDeadLetters.CONVERTER)
    BatchMessagingMessageConverter rawRecordsBatchConverter() {
        BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter();
        converter.setRawRecordHeader(true);
        return converter;
    }

    @Bean(BatchDeadLetters.ERROR_HANDLER)
    CommonErrorHandler redeliveringBatchErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(5_000); // and no limit on attempts or time
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
                log.warn("Record {}-{}@{} failed (attempt {}), retrying: {}", record.topic(), record.partition(),
                        record.offset(), deliveryAttempt, ex.toString());
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
                log.warn("A poll of {} records failed (attempt {}), retrying: {}", records.count(), deliveryAttempt,
                        ex.toString(), ex);
            }
        });
        return handler;
    }
}
