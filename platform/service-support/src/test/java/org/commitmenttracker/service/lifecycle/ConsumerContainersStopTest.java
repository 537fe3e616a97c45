package org.commitmenttracker.service.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.binding.InputBindingLifecycle;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The binder takes one container customizer: this one, which still applies the service's own, bounds each
 * container's stop wait and stops every container at once.
 */
class ConsumerContainersStopTest {

    @Configuration
    static class ServiceWithItsOwnCustomizer {
        @Bean
        ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> servicesOwn() {
            return (container, destination, group) -> container.getContainerProperties().setAckTime(1234);
        }

        @Bean
        @Primary
        ConsumerContainersStop consumerContainersStop(
                ObjectProvider<ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>>> customizers,
                ObjectProvider<InputBindingLifecycle> inputBindings) {
            return new ConsumerContainersStop(customizers, inputBindings, Duration.ofMillis(1500));
        }

        /** As the binder's configuration takes it: one customizer, by type. */
        @Bean
        Binder binder(ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> customizer) {
            return new Binder(customizer);
        }
    }

    record Binder(ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> customizer) {
    }

    @Test
    void isTheOneCustomizerTheBinderFindsAndAppliesTheServicesOwnToo() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(ServiceWithItsOwnCustomizer.class)) {
            ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> used = context.getBean(Binder.class).customizer();
            assertThat(used).isInstanceOf(ConsumerContainersStop.class);

            AbstractMessageListenerContainer<?, ?> container = container(new ArrayList<>());
            used.configure(container, "progress", "registry");

            assertThat(container.getContainerProperties().getAckTime()).isEqualTo(1234);
            assertThat(container.getContainerProperties().getShutdownTimeout()).isEqualTo(1500);
        }
    }

    @Test
    void stopsEveryContainerAtOnceAndReportsWhenTheLastHasStopped() {
        ConsumerContainersStop stop = new ConsumerContainersStop(emptyProvider(), emptyProvider(), Duration.ofSeconds(1));
        List<Runnable> pendingStops = new ArrayList<>();
        List<AbstractMessageListenerContainer<?, ?>> containers = List.of(container(pendingStops), container(pendingStops),
                container(pendingStops));
        containers.forEach(container -> stop.configure(container, "topic", "group"));
        stop.start();
        AtomicInteger stopped = new AtomicInteger();

        stop.stop(stopped::incrementAndGet);

        assertThat(pendingStops).as("every container was asked to stop before any had").hasSize(3);
        pendingStops.get(0).run();
        pendingStops.get(2).run();
        assertThat(stopped).hasValue(0);
        pendingStops.get(1).run();
        assertThat(stopped).hasValue(1);
        assertThat(stop.isRunning()).isFalse();
    }

    /** A running container whose stop completes when the test runs the callback it was given. */
    @SuppressWarnings("unchecked")
    private static AbstractMessageListenerContainer<?, ?> container(List<Runnable> pendingStops) {
        AbstractMessageListenerContainer<Object, Object> container = mock(AbstractMessageListenerContainer.class);
        ContainerProperties properties = new ContainerProperties("topic");
        when(container.getContainerProperties()).thenReturn(properties);
        when(container.isRunning()).thenReturn(true);
        doAnswer(call -> pendingStops.add(call.getArgument(0))).when(container).stop(any(Runnable.class));
        return container;
    }

    @SuppressWarnings("unchecked")
    private static <T> ObjectProvider<T> emptyProvider() {
        ObjectProvider<T> provider = mock(ObjectProvider.class);
        when(provider.orderedStream()).thenAnswer(call -> java.util.stream.Stream.empty());
        return provider;
    }
}
