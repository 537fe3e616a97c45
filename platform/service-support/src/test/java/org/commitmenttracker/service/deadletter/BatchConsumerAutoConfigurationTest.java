package org.commitmenttracker.service.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.mock.env.MockEnvironment;

/** Every batch binding is routed to its dead-letter topic, and one not set up for it stops the start. */
class BatchConsumerAutoConfigurationTest {
    private final BatchConsumerAutoConfiguration configuration = new BatchConsumerAutoConfiguration();

    @Test
    void eachBatchBindingsTopicGoesToItsDeadLetterTopicAndOtherBindingsAreLeftToTheBinder() {
        MockEnvironment environment = batchSetUp("applyProgress-in-0", "progress.registry.dlq");

        var routes = configuration.batchDeadLetterRoutes(bindings(Map.of("applyProgress-in-0", binding("progress", true),
                "withdrawCommuniques-in-0", binding("communiques", false))), environment);

        assertThat(routes.deadLetterTopicsOf()).containsExactly(Map.entry("progress", "progress.registry.dlq"));
    }

    @Test
    void aBatchBindingWithoutTheRawRecordsConverterOrWithTheBindersDeadLetteringStopsTheStart() {
        MockEnvironment noConverter = batchSetUp("applyProgress-in-0", "progress.registry.dlq");
        noConverter.setProperty("spring.cloud.stream.kafka.bindings.applyProgress-in-0.consumer.converter-bean-name", "other");
        MockEnvironment wholePolls = batchSetUp("applyProgress-in-0", "progress.registry.dlq");
        wholePolls.setProperty("spring.cloud.stream.kafka.bindings.applyProgress-in-0.consumer.enable-dlq", "true");
        BindingServiceProperties bindings = bindings(Map.of("applyProgress-in-0", binding("progress", true)));

        for (MockEnvironment environment : new MockEnvironment[] {noConverter, wholePolls}) {
            assertThatThrownBy(() -> configuration.batchDeadLetterRoutes(bindings, environment))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("[applyProgress-in-0]")
                    .hasMessageContaining("converter-bean-name: " + BatchDeadLetters.CONVERTER);
        }
    }

    private static MockEnvironment batchSetUp(String binding, String deadLetterTopic) {
        String consumer = "spring.cloud.stream.kafka.bindings." + binding + ".consumer.";
        return new MockEnvironment()
                .withProperty("spring.cloud.stream.kafka.default.consumer.enable-dlq", "true")
                .withProperty(consumer + "dlq-name", deadLetterTopic)
                .withProperty(consumer + "enable-dlq", "false")
                .withProperty(consumer + "converter-bean-name", BatchDeadLetters.CONVERTER)
                .withProperty(consumer + "common-error-handler-bean-name", BatchDeadLetters.ERROR_HANDLER);
    }

    private static BindingProperties binding(String destination, boolean batch) {
        BindingProperties binding = new BindingProperties();
        binding.setDestination(destination);
        ConsumerProperties consumer = new ConsumerProperties();
        consumer.setBatchMode(batch);
        binding.setConsumer(consumer);
        return binding;
    }

    private static BindingServiceProperties bindings(Map<String, BindingProperties> bindings) {
        BindingServiceProperties properties = new BindingServiceProperties();
        properties.setBindings(new java.util.TreeMap<>(bindings));
        return properties;
    }
}
