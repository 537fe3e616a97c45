package org.commitmenttracker.service.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which documents wait to have their outbox published, which are being published, and how many drainers (workers)
 * take them; no I/O. A document is in at most one claim at a time, so its events are never read by two publishes at
 * once and keep their order. A document written again while claimed waits and is taken once its claim is settled.
 * <p>Drainers are counted here, under the same lock as the queue: a drainer that finds nothing to take ends in the
 * same step in which a document offered meanwhile would see it still running, so nothing waits without one.
 */
final class OutboxQueue {
    private final int maxDrainers;
    private final int maxBatch;
    /** By collection, in arrival order. */
    private final Map<String, LinkedHashSet<Object>> waiting = new LinkedHashMap<>();
    private final Map<String, Set<Object>> claimed = new HashMap<>();
    private int drainers;

    /**
     * @param maxDrainers drainers that may run at once
     * @param maxBatch    documents per collection in one drainer's claim
     */
    OutboxQueue(int maxDrainers, int maxBatch) {
        if (maxDrainers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("maxDrainers and maxBatch must be positive: " + maxDrainers + ", " + maxBatch);
        }
        this.maxDrainers = maxDrainers;
        this.maxBatch = maxBatch;
    }

    /** Documents of one claim, by collection, each in arrival order. */
    record Claim(Map<String, List<Object>> idsByCollection) {
        static final Claim NONE = new Claim(Map.of());

        Claim {
            idsByCollection = Map.copyOf(idsByCollection);
        }

        boolean isEmpty() {
            return idsByCollection.isEmpty();
        }
    }

    /**
     * Marks these documents as waiting (one already waiting keeps its place).
     *
     * @return true if the caller must start a drainer, which is then counted as running
     */
    synchronized boolean offer(String collection, Collection<?> ids) {
        if (!ids.isEmpty()) {
            waiting.computeIfAbsent(collection, c -> new LinkedHashSet<>()).addAll(ids);
        }
        return allotDrainer();
    }

    /**
     * A drainer's step: settles the claim it finished and claims the next, up to {@code maxBatch} waiting documents
     * per collection that no other claim holds. An empty claim ends the drainer.
     */
    synchronized Claim next(Claim finished) {
        release(finished);
        Map<String, List<Object>> taken = new LinkedHashMap<>();
        waiting.forEach((collection, queue) -> {
            Set<Object> busy = claimedIn(collection);
            List<Object> ids = new ArrayList<>();
            for (Iterator<Object> candidates = queue.iterator(); candidates.hasNext() && ids.size() < maxBatch; ) {
                Object id = candidates.next();
                if (busy.add(id)) {
                    ids.add(id);
                    candidates.remove();
                }
            }
            if (!ids.isEmpty()) {
                taken.put(collection, ids);
            }
        });
        waiting.values().removeIf(Set::isEmpty);
        if (taken.isEmpty()) {
            drainers--;
        }
        return new Claim(taken);
    }

    /**
     * For the sweep, which reads documents itself: of {@code ids}, those no other claim holds, now claimed and no
     * longer waiting (the sweep's read sees whatever their writers added).
     */
    synchronized Claim claim(String collection, Collection<?> ids) {
        Set<Object> busy = claimedIn(collection);
        List<Object> taken = new ArrayList<>();
        for (Object id : ids) {
            if (busy.add(id)) {
                taken.add(id);
            }
        }
        Set<Object> queued = waiting.get(collection);
        if (queued != null) {
            taken.forEach(queued::remove);
            if (queued.isEmpty()) {
                waiting.remove(collection);
            }
        }
        return taken.isEmpty() ? Claim.NONE : new Claim(Map.of(collection, taken));
    }

    /**
     * Ends a claim taken with {@link #claim}: documents written meanwhile may be taken again.
     *
     * @return true if the caller must start a drainer for them, which is then counted as running
     */
    synchronized boolean settle(Claim finished) {
        release(finished);
        return allotDrainer();
    }

    /**
     * A drainer that ended without finishing its claim (an error), or was allotted and never started: its claim is
     * released and its place free. What waits is taken by the drainer the next offer or settle starts.
     */
    synchronized void drainerGone(Claim held) {
        release(held);
        drainers--;
    }

    private boolean allotDrainer() {
        if (waiting.isEmpty() || drainers >= maxDrainers) {
            return false;
        }
        drainers++;
        return true;
    }

    private void release(Claim finished) {
        finished.idsByCollection().forEach((collection, ids) -> {
            Set<Object> busy = claimed.get(collection);
            if (busy != null) {
                ids.forEach(busy::remove);
            }
        });
    }

    private Set<Object> claimedIn(String collection) {
        return claimed.computeIfAbsent(collection, c -> new HashSet<>());
    }
}
