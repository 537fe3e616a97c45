package org.commitmenttracker.registry.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.store.CommitmentQueries;
import org.commitmenttracker.registry.store.Commitments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Announces approaching and missed deadlines and marks open commitments OVERDUE. A milestone passes at the
 * end of its last day in {@code tracker.deadlines.zone} (default UTC). Runs every
 * {@code tracker.deadlines.check-interval} on one replica at a time (a ShedLock lease in MongoDB); even if two ran,
 * event ids (commitment + milestone + horizon) make a duplicate harmless and optimistic locking keeps the state right.
 */
@Component
public class DeadlineWatcher implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(DeadlineWatcher.class);
    private static final String LOCK = "deadline-watcher";
    private static final int BATCH = 1_000;
    private static final int FAILURES_IN_A_ROW = 3;

    private final CommitmentQueries queries;
    private final Commitments commitments;
    private final DeadlinePolicy policy;
    private final Clock clock;
    private final DeadlineSettings settings;
    private final LockingTaskExecutor locks;

    public DeadlineWatcher(CommitmentQueries queries, Commitments commitments, DeadlinePolicy policy, Clock clock,
                           DeadlineSettings settings, LockingTaskExecutor locks) {
        this.queries = queries;
        this.commitments = commitments;
        this.policy = policy;
        this.clock = clock;
        this.settings = settings;
        this.locks = locks;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::scheduledCheck, settings.checkInterval(), settings.initialDelay()));
    }

    /** One check, if no other replica holds the lease (timed by the wall clock, as the lease store compares it). */
    void scheduledCheck() {
        Runnable check = () -> {
            int changed = checkNow();
            if (changed > 0) {
                log.info("Deadline watcher: {} commitment(s) changed", changed);
            }
        };
        locks.executeWithLock(check, new LockConfiguration(ClockProvider.now(), LOCK, settings.lockAtMostFor(), Duration.ZERO));
    }

    /**
     * Checks every commitment whose next deadline date has come; returns how many changed. A commitment whose check
     * fails is logged and left for the next run, so one that cannot be written does not hold back the deadlines of
     * the others; {@value #FAILURES_IN_A_ROW} failures in a row end the run (the store is likely unreachable).
     */
    public int checkNow() {
        ZoneId zone = settings.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int changed = 0;
        int failedInARow = 0;
        List<String> due;
        String after = "";
        do {
            due = queries.dueForDeadlineCheck(today, after, BATCH);
            for (String id : due) {
                try {
                    if (commitments.update(id, c -> c.checkDeadlines(today, policy, clock.instant()), null).changed()) {
                        changed++;
                    }
                    failedInARow = 0;
                } catch (RuntimeException e) {
                    if (++failedInARow == FAILURES_IN_A_ROW) {
                        throw e;
                    }
                    log.warn("Deadline watcher: commitment {} could not be checked, left for the next run: {}", id, e.toString());
                }
            }
            after = due.isEmpty() ? after : due.get(due.size() - 1);
        } while (due.size() == BATCH);
        return changed;
    }
}
