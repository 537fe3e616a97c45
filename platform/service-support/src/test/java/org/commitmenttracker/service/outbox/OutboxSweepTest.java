package org.commitmenttracker.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The sweep runs at start-up, soon after a failure, and otherwise only once per idle interval. */
class OutboxSweepTest {
    private final OutboxRelay relay = mock(OutboxRelay.class);
    private final AtomicLong now = new AtomicLong(1_000);
    private final OutboxSweep sweep = new OutboxSweep(relay,
            new OutboxSettings(4, Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(30)), now::get);

    @Test
    void sweepsAtStartUpThenOnlyAfterAFailureOrOncePerIdleInterval() {
        sweep.run(null);
        verify(relay, times(1)).sweep();

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        sweep.sweepIfDue(); // healthy: nothing to look for yet
        verify(relay, times(1)).sweep();

        when(relay.failedSinceLastSweep()).thenReturn(true);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        sweep.sweepIfDue(); // a publish failed: sweep now
        verify(relay, times(2)).sweep();

        when(relay.failedSinceLastSweep()).thenReturn(false);
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        sweep.sweepIfDue();
        verify(relay, times(2)).sweep();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        sweep.sweepIfDue(); // the idle interval since the last sweep: a dead replica's events
        verify(relay, times(3)).sweep();
    }

    @Test
    void looksEverySweepIntervalOnTheApplicationsScheduler() {
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
        sweep.configureTasks(registrar);

        assertThat(registrar.getFixedDelayTaskList()).singleElement().satisfies(task -> {
            assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofSeconds(2));
            assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofSeconds(2));
        });
    }
}
