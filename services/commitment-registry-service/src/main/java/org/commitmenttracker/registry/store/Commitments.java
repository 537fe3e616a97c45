package org.commitmenttracker.registry.store;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.Outcome;
import org.springframework.stereotype.Service;

/**
 * Runs a domain operation against the stored commitment and writes its outcome with its events;
 * retries on a concurrent write (optimistic locking), so concurrent reports never lose an update.
 */
@Service
public class Commitments {
    static final int MAX_ATTEMPTS = 50;

    private final CommitmentStore store;
    private final CommitmentEvents events;

    public Commitments(CommitmentStore store, CommitmentEvents events) {
        this.store = store;
        this.events = events;
    }

    public Optional<Commitment> find(String id) {
        return store.find(id);
    }

    /**
     * Applies {@code operation} to commitment {@code id}.
     *
     * @throws CommitmentNotFound when it is not registered
     */
    public Outcome update(String id, Function<Commitment, Outcome> operation, String traceparent) {
        return upsert(id, () -> {
            throw new CommitmentNotFound(id);
        }, operation, traceparent);
    }

    /** Applies {@code operation} to commitment {@code id}, or {@code creation} when it is not registered yet. */
    public Outcome upsert(String id, Supplier<Outcome> creation, Function<Commitment, Outcome> operation,
                          String traceparent) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Commitment> current = store.find(id);
            Outcome outcome = current.map(operation).orElseGet(creation);
            if (!outcome.changed()) {
                return outcome;
            }
            long version = current.map(Commitment::version).orElse(0L) + 1;
            boolean written = current.isPresent()
                    ? store.update(outcome.next(), version - 1, events.of(outcome, version, traceparent))
                    : store.insert(outcome.next(), events.of(outcome, version, traceparent));
            if (written) {
                return new Outcome(outcome.next().withVersion(version), outcome.statusChanges(),
                        outcome.deadlineNotices(), outcome.answer(), true);
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("Commitment " + id + " kept changing during " + MAX_ATTEMPTS + " attempts");
    }
}
