package org.commitmenttracker.service.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.binding.InputBindingLifecycle;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Stops the binder's Kafka consumers together, within one shutdown phase. The bindings stop their containers one
 * after the other, each waiting for its consumer thread, which may be stuck for a minute in an offset commit to a
 * broker that is gone or in a write to a store that is: a service with three bindings took 30 s to stop.
 * <p>It is the {@link ListenerContainerCustomizer} the binder uses (the binder takes a single one, hence
 * {@code @Primary}): it applies every other one the service defines, then keeps the container, and shortens the
 * container's own stop wait to the close timeout.
 */
public class ConsumerContainersStop implements ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>>, SmartLifecycle {
    private final ObjectProvider<ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>>> customizers;
    private final ObjectProvider<InputBindingLifecycle> inputBindings;
    private final Duration closeTimeout;
    private final List<AbstractMessageListenerContainer<?, ?>> containers = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    public ConsumerContainersStop(ObjectProvider<ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>>> customizers,
                                  ObjectProvider<InputBindingLifecycle> inputBindings, Duration closeTimeout) {
        this.customizers = customizers;
        this.inputBindings = inputBindings;
        this.closeTimeout = closeTimeout;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group) {
        customizers.orderedStream().filter(customizer -> customizer != this)
                .forEach(customizer -> customizer.configure(container, destinationName, group));
        container.getContainerProperties().setShutdownTimeout(closeTimeout.toMillis());
        containers.add(container);
    }

    @Override
    public void start() {
        running = true;
    }

    /** Signals every container to stop at once; the phase timeout bounds the wait for their consumer threads. */
    @Override
    public void stop(Runnable callback) {
        running = false;
        List<AbstractMessageListenerContainer<?, ?>> stopping = containers.stream().filter(AbstractMessageListenerContainer::isRunning).toList();
        if (stopping.isEmpty()) {
            callback.run();
            return;
        }
        AtomicInteger left = new AtomicInteger(stopping.size());
        stopping.forEach(container -> container.stop(() -> {
            if (left.decrementAndGet() == 0) {
                callback.run();
            }
        }));
    }

    @Override
    public void stop() {
        stop(() -> { });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Just before the input bindings, which then find their containers stopped. */
    @Override
    public int getPhase() {
        InputBindingLifecycle bindings = inputBindings.getIfAvailable();
        return bindings != null ? bindings.getPhase() + 1 : DEFAULT_PHASE;
    }
}
