package org.commitmenttracker.notification.noise;

import java.time.Duration;
import java.time.Instant;

import org.commitmenttracker.notification.matching.EventKind;
import org.commitmenttracker.notification.matching.Occurrence;

/**
 * A subscription's reminder about one overdue commitment: alerted again every {@code every} from
 * {@code since} (the overdue event's time) until the commitment's status changes. {@code count} is the number
 * of reminders sent so far; the next is due at {@code since + (count + 1) × every}.
 */
public record OverdueRepeat(String subscriptionId, String commitmentId, Instant since, Duration every, int count) {
    public static final String OVERDUE = "OVERDUE";

    /** Whether an alert about {@code occurrence} makes its commitment overdue: a missed deadline, or a change to OVERDUE. */
    public static boolean startsWith(Occurrence occurrence) {
        return occurrence.kind() == EventKind.DEADLINE_MISSED
                || occurrence.kind() == EventKind.STATUS_CHANGED && OVERDUE.equals(occurrence.status());
    }

    public Instant dueAt() {
        return since.plus(every.multipliedBy(count + 1L));
    }

    public OverdueRepeat next() {
        return new OverdueRepeat(subscriptionId, commitmentId, since, every, count + 1);
    }

    /**
     * Whether the reminders go on, given the commitment's status as last changed at {@code changedAt}: they
     * stop once a status change after the overdue event leaves it anything but overdue.
     */
    public boolean continuesWith(String status, Instant changedAt) {
        return status == null || changedAt == null || !changedAt.isAfter(since) || OVERDUE.equals(status);
    }
}
