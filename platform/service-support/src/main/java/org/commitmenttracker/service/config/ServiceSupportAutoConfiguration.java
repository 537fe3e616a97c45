package org.commitmenttracker.service.config;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.commitmenttracker.events.EventCodec;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.service.lifecycle.ConsumerContainersStop;
import org.commitmenttracker.service.lifecycle.ShutdownSettings;
import org.commitmenttracker.service.lifecycle.StopDeadline;
import org.commitmenttracker.service.outbox.OutboxHealthIndicator;
import org.commitmenttracker.service.outbox.OutboxRelay;
import org.commitmenttracker.service.outbox.OutboxSettings;
import org.commitmenttracker.service.outbox.OutboxSweep;
import org.commitmenttracker.service.trace.TraceContextFilter;
import org.commitmenttracker.service.web.WellFormedText;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.config.ClientFactoryCustomizer;
import org.springframework.cloud.stream.binding.InputBindingLifecycle;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The pieces every service uses: event codec, outbox relay with its sweep and health, store health, topics. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
@EnableScheduling
@EnableConfigurationProperties({ShutdownSettings.class, KafkaSettings.class, OutboxSettings.class})
public class ServiceSupportAutoConfiguration {

    /** Time for every decision, in milliseconds as MongoDB stores it; tests replace it to move time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    /**
     * Request bodies bind strictly: a number where a string belongs, or {@code "5"} where a number does, is the
     * client's error (400), not a value to guess, and so is a string that is not well-formed text
     * ({@link WellFormedText}). Events keep their own tolerant mapper ({@link EventCodec}).
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder.addModule(WellFormedText.module())
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, textual -> textual
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /**
     * The relay's own template (String keys, byte[] values): the binder's producers, dead-letter ones
     * included, keep their own serializers.
     */
    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties properties, ObjectProvider<MeterRegistry> meterRegistry,
                                                      ShutdownSettings shutdown) {
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(
                properties.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
        factory.setPhysicalCloseTimeout(shutdown.closeTimeoutSeconds());
        // The relay's producer metrics (kafka.producer.*) next to the binder's, on /actuator/prometheus.
        meterRegistry.ifAvailable(registry -> factory.addListener(new MicrometerProducerListener<>(registry)));
        return new KafkaTemplate<>(factory);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> outboxKafkaTemplate,
                            ObjectProvider<OutboxCollection> collections, OutboxSettings settings,
                            ShutdownSettings shutdown) {
        return new OutboxRelay(mongo, outboxKafkaTemplate, collections.orderedStream().map(OutboxCollection::name).toList(),
                settings.workers(), settings.sendTimeout(), shutdown.closeTimeout());
    }

    /**
     * The binder's producers (output bindings, dead-letter topics) close within the same bound as the relay's: by
     * default a producer waits 30 s to flush to a broker that may be gone.
     */
    @Bean
    ClientFactoryCustomizer boundedProducerClose(ShutdownSettings shutdown) {
        return new ClientFactoryCustomizer() {
            @Override
            public void configure(ProducerFactory<?, ?> factory) {
                if (factory instanceof DefaultKafkaProducerFactory<?, ?> producers) {
                    producers.setPhysicalCloseTimeout(shutdown.closeTimeoutSeconds());
                }
            }
        };
    }

    /** Wraps every other container customizer of the service (the binder takes one only). */
    @Bean
    @Primary
    ConsumerContainersStop consumerContainersStop(
            ObjectProvider<ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>>> customizers,
            ObjectProvider<InputBindingLifecycle> inputBindings, ShutdownSettings shutdown) {
        return new ConsumerContainersStop(customizers, inputBindings, shutdown.closeTimeout());
    }

    @Bean
    StopDeadline stopDeadline(ConfigurableApplicationContext context, ShutdownSettings shutdown) {
        return new StopDeadline(context, shutdown.deadline());
    }

    @Bean
    OutboxSweep outboxSweep(OutboxRelay relay, OutboxSettings settings) {
        return new OutboxSweep(relay, settings);
    }

    /** First of all filters, so that everything a request does, authentication included, logs its trace. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<TraceContextFilter> traceContextFilter() {
        FilterRegistrationBean<TraceContextFilter> registration = new FilterRegistrationBean<>(new TraceContextFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Takes the name of Boot's {@code mongo} indicator, which service-defaults.yml switches off. */
    @Bean(name = "mongoHealthIndicator")
    DocumentStoreHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new DocumentStoreHealthIndicator(mongo);
    }

    /**
     * {@code tracker.outbox.backlog} (documents with unpublished events; counted in MongoDB at each scrape, as the
     * {@code outbox} health component does) and {@code tracker.outbox.published} (events published since start).
     */
    @Bean
    MeterBinder outboxMetrics(OutboxRelay relay) {
        return registry -> {
            Gauge.builder("tracker.outbox.backlog", relay, OutboxRelay::backlog)
                    .description("Documents whose embedded outbox still holds unpublished events")
                    .baseUnit("documents").register(registry);
            FunctionCounter.builder("tracker.outbox.published", relay, OutboxRelay::publishedCount)
                    .description("Events the outbox relay published since start").baseUnit("events").register(registry);
        };
    }

    @Bean(name = "outbox")
    OutboxHealthIndicator outboxHealthIndicator(OutboxRelay relay) {
        return new OutboxHealthIndicator(relay);
    }

    /**
     * Every topic, so a fresh cluster has them with the configured partitions. Records may be as large as
     * {@code tracker.kafka.max-message-bytes} (default 8 MiB): a communiqué event carries the whole text.
     */
    @Bean
    KafkaAdmin.NewTopics platformTopics(KafkaSettings settings) {
        List<NewTopic> topics = List.of(Topics.COMMUNIQUES, Topics.COMMITMENTS, Topics.PROGRESS,
                        Topics.STATUS_CHANGES, Topics.DEADLINES, Topics.LINKS).stream()
                .map(name -> TopicBuilder.name(name).partitions(settings.partitions()).replicas(settings.replicas())
                        .config("max.message.bytes", String.valueOf(settings.maxMessageBytes())).build())
                .toList();
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
