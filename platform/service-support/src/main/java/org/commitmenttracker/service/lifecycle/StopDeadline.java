package org.commitmenttracker.service.lifecycle;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The last resort of a stop: when the JVM is shutting down (SIGTERM, {@code System.exit}) and the application
 * context is still closing after the deadline, logs what the closing thread is waiting for and halts. Every step
 * of a stop has its own bound ({@link ShutdownSettings}); this one holds should a library add a wait of its own.
 * <p>It runs as a JVM shutdown hook, next to Spring Boot's, so a context closed while the JVM goes on (a test) is
 * never cut; a context closed that way removes the hook.
 */
public class StopDeadline implements InitializingBean, DisposableBean {
    /** Logged when the deadline cuts a stop. */
    public static final String HALTING = "Stop exceeded its deadline";
    private static final Logger log = LoggerFactory.getLogger(StopDeadline.class);

    private final ConfigurableApplicationContext context;
    private final Duration deadline;
    private final Thread hook = new Thread(this::guard, "stop-deadline");

    public StopDeadline(ConfigurableApplicationContext context, Duration deadline) {
        this.context = context;
        this.deadline = deadline;
    }

    @Override
    public void afterPropertiesSet() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void destroy() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is stopping: the hook is running and ends when the context is closed
        }
    }

    private void guard() {
        long end = System.nanoTime() + deadline.toNanos();
        while (context.isActive() && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
        if (context.isActive()) {
            log.error("{} of {}: halting. Still closing: {}", HALTING, deadline, closingThreads());
            Runtime.getRuntime().halt(1);
        }
    }

    /** The stacks of the shutdown hooks' threads: what the stop was waiting for. */
    private static String closingThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().contains("ShutdownHook"))
                .map(StopDeadline::describe)
                .collect(Collectors.joining("\n"));
    }

    private static String describe(Map.Entry<Thread, StackTraceElement[]> thread) {
        return thread.getKey().getName() + "\n\tat " + Arrays.stream(thread.getValue()).limit(40)
                .map(StackTraceElement::toString).collect(Collectors.joining("\n\tat "));
    }
}
