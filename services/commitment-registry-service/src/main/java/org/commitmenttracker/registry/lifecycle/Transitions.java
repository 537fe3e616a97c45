package org.commitmenttracker.registry.lifecycle;

import static org.commitmenttracker.registry.lifecycle.CommitmentStatus.CANCELLED;
import static org.commitmenttracker.registry.lifecycle.CommitmentStatus.COMPLETED;
import static org.commitmenttracker.registry.lifecycle.CommitmentStatus.IN_PROGRESS;
import static org.commitmenttracker.registry.lifecycle.CommitmentStatus.OVERDUE;
import static org.commitmenttracker.registry.lifecycle.CommitmentStatus.PLEDGED;
import static org.commitmenttracker.registry.lifecycle.CommitmentStatus.STALLED;
import static org.commitmenttracker.registry.lifecycle.CommitmentStatus.SUPERSEDED;
import static org.commitmenttracker.registry.lifecycle.CommitmentStatus.WITHDRAWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle: PLEDGED → IN_PROGRESS → COMPLETED; PLEDGED|IN_PROGRESS → STALLED → IN_PROGRESS; open
 * commitments become OVERDUE when their due date passes and can still be COMPLETED (late); operators may
 * CANCEL or mark SUPERSEDED; extraction or a withdrawn communiqué WITHDRAWS. COMPLETED, CANCELLED,
 * SUPERSEDED and WITHDRAWN are final.
 */
public final class Transitions {
    private static final Map<CommitmentStatus, Set<CommitmentStatus>> ALLOWED = new EnumMap<>(CommitmentStatus.class);

    static {
        ALLOWED.put(PLEDGED, EnumSet.of(IN_PROGRESS, STALLED, OVERDUE, CANCELLED, SUPERSEDED, WITHDRAWN));
        ALLOWED.put(IN_PROGRESS, EnumSet.of(COMPLETED, STALLED, OVERDUE, CANCELLED, SUPERSEDED, WITHDRAWN));
        ALLOWED.put(STALLED, EnumSet.of(IN_PROGRESS, OVERDUE, CANCELLED, SUPERSEDED, WITHDRAWN));
        ALLOWED.put(OVERDUE, EnumSet.of(COMPLETED, CANCELLED, SUPERSEDED, WITHDRAWN));
        for (CommitmentStatus finalStatus : EnumSet.of(COMPLETED, CANCELLED, SUPERSEDED, WITHDRAWN)) {
            ALLOWED.put(finalStatus, EnumSet.noneOf(CommitmentStatus.class));
        }
    }

    private Transitions() {
    }

    public static Set<CommitmentStatus> allowedFrom(CommitmentStatus from) {
        return Set.copyOf(ALLOWED.get(from));
    }

    /** @throws TransitionRejected naming the allowed transitions when {@code from → to} is not one of them */
    public static void check(CommitmentStatus from, CommitmentStatus to) {
        if (!ALLOWED.get(from).contains(to)) {
            throw new TransitionRejected(from, to, allowedFrom(from));
        }
    }
}
