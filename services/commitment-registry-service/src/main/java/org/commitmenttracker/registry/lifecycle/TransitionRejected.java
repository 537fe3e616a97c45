package org.commitmenttracker.registry.lifecycle;

import java.util.Set;
import java.util.TreeSet;

/** A status change the lifecycle does not allow; the message names the transitions that are allowed. */
public class TransitionRejected extends RuntimeException {
    private final transient Set<CommitmentStatus> allowed;

    public TransitionRejected(CommitmentStatus from, CommitmentStatus to, Set<CommitmentStatus> allowed) {
        super("A commitment cannot go from " + from + " to " + to + "; allowed from " + from + ": "
                + (allowed.isEmpty() ? "none (" + from + " is final)" : new TreeSet<>(allowed)) + ".");
        this.allowed = Set.copyOf(allowed);
    }

    public Set<CommitmentStatus> allowed() {
        return allowed;
    }
}
