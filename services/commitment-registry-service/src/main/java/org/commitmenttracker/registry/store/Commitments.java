package org.commitmenttracker.registry.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.Outcome;
import org.commitmenttracker.registry.store.CommitmentStore.VersionedWrite;
import org.commitmenttracker.service.outbox.OutboxMessage;
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
                    ? store.update(current.get(), outcome.next(), events.of(outcome, version, traceparent))
                    : store.insert(outcome.next(), events.of(outcome, version, traceparent));
            if (written) {
                return new Outcome(outcome.next().withVersion(version), outcome.statusChanges(),
                        outcome.deadlineNotices(), outcome.answer(), true);
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("Commitment " + id + " kept changing during " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * One operation of a batch, with the traceparent its events carry; with a {@code creation}, a commitment not
     * registered yet is registered by it (as {@link #upsert} does) instead of being refused as unknown.
     */
    public record Step(Function<Commitment, Outcome> operation, Supplier<Outcome> creation, String traceparent) {
        public Step(Function<Commitment, Outcome> operation, String traceparent) {
            this(operation, null, traceparent);
        }
    }

    /**
     * Applies, per commitment, its steps in order, as if each were an {@link #update} (or, with a creation, an
     * {@link #upsert}) of its own (one version per changed step, the same events), but reads every commitment with
     * one query and writes the changed ones with one bulk write (and the new ones with one bulk insert). A step that
     * throws is refused and changes nothing; the next step applies to the state before it. A commitment written by
     * someone else meanwhile has its steps applied again, one {@link #upsert} at a time.
     *
     * @return per commitment, per step, what the step threw ({@link CommitmentNotFound} for an unknown commitment
     * and a step without creation), or null where it was applied
     */
    public Map<String, List<RuntimeException>> updateAll(Map<String, List<Step>> steps) {
        Map<String, Commitment> current = new HashMap<>();
        store.findAll(steps.keySet()).forEach(stored -> current.put(stored.id(), stored));
        Map<String, List<RuntimeException>> refusals = new HashMap<>();
        List<VersionedWrite> inserts = new ArrayList<>();
        List<VersionedWrite> updates = new ArrayList<>();
        steps.forEach((id, sequence) -> {
            RuntimeException[] refused = new RuntimeException[sequence.size()];
            refusals.put(id, Arrays.asList(refused));
            Commitment stored = current.get(id);
            Commitment state = stored;
            List<OutboxMessage> outbox = new ArrayList<>();
            for (int i = 0; i < sequence.size(); i++) {
                Step step = sequence.get(i);
                Outcome outcome;
                try {
                    outcome = state != null ? step.operation().apply(state) : creation(id, step).get();
                } catch (RuntimeException e) {
                    refused[i] = e;
                    continue;
                }
                if (outcome.changed()) {
                    long version = (state == null ? 0 : state.version()) + 1;
                    outbox.addAll(events.of(outcome, version, step.traceparent()));
                    state = outcome.next().withVersion(version);
                }
            }
            if (state != stored) {
                (stored == null ? inserts : updates).add(new VersionedWrite(stored, state, outbox));
            }
        });
        Set<String> conflicts = new HashSet<>(store.insertAll(inserts));
        conflicts.addAll(store.updateAll(updates));
        for (String id : conflicts) {
            List<Step> sequence = steps.get(id);
            List<RuntimeException> refused = refusals.get(id);
            for (int i = 0; i < sequence.size(); i++) {
                Step step = sequence.get(i);
                try {
                    upsert(id, () -> refusable(creation(id, step)), c -> refusable(() -> step.operation().apply(c)),
                            step.traceparent());
                    refused.set(i, null);
                } catch (StepRefused e) {
                    refused.set(i, (RuntimeException) e.getCause());
                }
            }
        }
        return refusals;
    }

    /** What a step does to a commitment that is not registered: its creation, or the refusal as unknown. */
    private static Supplier<Outcome> creation(String id, Step step) {
        return step.creation() != null ? step.creation() : () -> {
            throw new CommitmentNotFound(id);
        };
    }

    /** Runs a step's operation, carrying what it throws past the store's own failures as {@link StepRefused}. */
    private static Outcome refusable(Supplier<Outcome> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            throw new StepRefused(e);
        }
    }

    /** Carries what a step threw past the store's own failures, which are not the step's. */
    private static final class StepRefused extends RuntimeException {
        StepRefused(RuntimeException cause) {
            super(cause);
        }
    }
}
