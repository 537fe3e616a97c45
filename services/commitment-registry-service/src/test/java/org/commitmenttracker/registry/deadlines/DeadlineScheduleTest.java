package org.commitmenttracker.registry.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/** The watcher runs on the schedule its settings give, each run under the lease they bound. */
class DeadlineScheduleTest {

    @Test
    void theWatcherRunsEveryCheckIntervalUnderItsLease() {
        DeadlineSettings settings = new DeadlineSettings(List.of(7), ZoneId.of("UTC"), Duration.ofMinutes(5),
                Duration.ofSeconds(30), Duration.ofMinutes(20));
        List<LockConfiguration> leases = new ArrayList<>();
        LockingTaskExecutor heldElsewhere = new LockingTaskExecutor() { // another replica holds the lease: nothing runs
            @Override
            public void executeWithLock(Runnable task, LockConfiguration lock) {
                leases.add(lock);
            }

            @Override
            public void executeWithLock(Task task, LockConfiguration lock) {
                leases.add(lock);
            }
        };
        DeadlineWatcher watcher = new DeadlineWatcher(null, null, new DeadlinePolicy(settings.horizons()),
                Clock.systemUTC(), settings, heldElsewhere);
        ScheduledTaskRegistrar tasks = new ScheduledTaskRegistrar();

        watcher.configureTasks(tasks);

        assertThat(tasks.getFixedDelayTaskList()).hasSize(1);
        IntervalTask task = tasks.getFixedDelayTaskList().get(0);
        assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofSeconds(30));
        task.getRunnable().run();
        assertThat(leases).hasSize(1);
        assertThat(leases.get(0).getName()).isEqualTo("deadline-watcher");
        assertThat(leases.get(0).getLockAtMostFor()).isEqualTo(Duration.ofMinutes(20));
        assertThat(leases.get(0).getLockAtLeastFor()).isZero();
    }
}
