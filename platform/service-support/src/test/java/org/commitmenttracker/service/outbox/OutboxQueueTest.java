package org.commitmenttracker.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.commitmenttracker.service.outbox.OutboxQueue.Claim;
import org.junit.jupiter.api.Test;

/** The rules that keep each document's events in order: one claim per document, nothing left waiting without a drainer. */
class OutboxQueueTest {
    private final OutboxQueue queue = new OutboxQueue(2, 3);

    @Test
    void theFirstOfferStartsADrainerWhichTakesWhatWaitsInArrivalOrderUpToTheBatchSize() {
        assertThat(queue.offer("a", List.of("1", "2", "3", "4"))).isTrue();

        assertThat(queue.next(Claim.NONE).idsByCollection()).isEqualTo(Map.of("a", List.of("1", "2", "3")));
    }

    @Test
    void aDocumentOfferedAgainWhileWaitingIsPublishedOnce() {
        queue.offer("a", List.of("1", "2"));
        queue.offer("a", List.of("1"));

        assertThat(queue.next(Claim.NONE).idsByCollection()).isEqualTo(Map.of("a", List.of("1", "2")));
    }

    @Test
    void aClaimTakesFromEveryCollection() {
        queue.offer("a", List.of("1"));
        queue.offer("b", List.of("1"));

        assertThat(queue.next(Claim.NONE).idsByCollection()).isEqualTo(Map.of("a", List.of("1"), "b", List.of("1")));
    }

    @Test
    void aDocumentWrittenAgainWhileClaimedWaitsUntilItsClaimIsSettled() {
        queue.offer("a", List.of("1"));
        Claim first = queue.next(Claim.NONE);

        assertThat(queue.offer("a", List.of("1"))).as("the second drainer starts").isTrue();
        assertThat(queue.next(Claim.NONE).isEmpty()).as("the second drainer finds only a claimed document").isTrue();
        assertThat(queue.next(first).idsByCollection()).as("taken again once settled").isEqualTo(Map.of("a", List.of("1")));
    }

    @Test
    void theSameIdInAnotherCollectionIsAnotherDocument() {
        queue.offer("a", List.of("1"));
        queue.next(Claim.NONE);
        queue.offer("b", List.of("1"));

        assertThat(queue.next(Claim.NONE).idsByCollection()).isEqualTo(Map.of("b", List.of("1")));
    }

    @Test
    void noMoreDrainersRunThanAllowedAndOneThatFindsNothingEnds() {
        assertThat(queue.offer("a", List.of("1"))).isTrue();
        assertThat(queue.offer("a", List.of("2"))).isTrue();
        assertThat(queue.offer("a", List.of("3"))).as("both drainers run").isFalse();

        Claim claim = queue.next(Claim.NONE);
        assertThat(queue.next(claim).isEmpty()).as("the first drainer took everything, then nothing is left").isTrue();
        assertThat(queue.offer("a", List.of("4"))).as("the ended drainer's place is free").isTrue();
    }

    @Test
    void anEmptyOfferStartsNoDrainer() {
        assertThat(queue.offer("a", List.of())).isFalse();
    }

    @Test
    void theSweepClaimsOnlyDocumentsNoDrainerHoldsAndTakesThemOffTheQueue() {
        queue.offer("a", List.of("1", "2"));
        Claim drainer = queue.next(Claim.NONE); // 1 and 2
        queue.offer("a", List.of("3"));

        Claim swept = queue.claim("a", List.of("1", "3", "4"));
        assertThat(swept.idsByCollection()).isEqualTo(Map.of("a", List.of("3", "4")));
        assertThat(queue.next(drainer).isEmpty()).as("3 is the sweep's: not waiting any more").isTrue();
        assertThat(queue.claim("a", List.of("3", "4")).isEmpty()).as("not claimed twice").isTrue();
    }

    @Test
    void aDocumentWrittenWhileTheSweepHoldsItWaitsForADrainerStartedWhenTheSweepSettles() {
        Claim swept = queue.claim("a", List.of("1"));
        assertThat(queue.offer("a", List.of("1"))).as("a drainer starts").isTrue();
        assertThat(queue.next(Claim.NONE).isEmpty()).as("but the sweep holds the document").isTrue();

        assertThat(queue.settle(swept)).as("the settling sweep starts a drainer for it").isTrue();
        assertThat(queue.next(Claim.NONE).idsByCollection()).isEqualTo(Map.of("a", List.of("1")));
    }

    @Test
    void aSweepSettlingWithNothingWaitingStartsNoDrainer() {
        assertThat(queue.settle(queue.claim("a", List.of("1")))).isFalse();
    }

    @Test
    void aDrainerGoneReleasesItsClaimAndItsPlace() {
        queue.offer("a", List.of("1"));
        queue.offer("a", List.of("2"));
        Claim held = queue.next(Claim.NONE);
        queue.drainerGone(held);

        assertThat(queue.claim("a", List.of("1", "2")).idsByCollection()).as("released")
                .isEqualTo(Map.of("a", List.of("1", "2")));
        assertThat(queue.offer("a", List.of("3"))).as("its place is free").isTrue();
    }

    @Test
    void refusesNonPositiveLimits() {
        assertThatThrownBy(() -> new OutboxQueue(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxQueue(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Writers and drainers on many threads: no document is ever in two claims at once, every offer is followed by a
     * publish of its document (none is left waiting without a drainer).
     */
    @Test
    void concurrentWritersAndDrainersNeverHoldADocumentTwiceAndLeaveNothingBehind() throws Exception {
        OutboxQueue shared = new OutboxQueue(3, 4);
        int writers = 4;
        int offersPerWriter = 5_000;
        int documents = 20;
        Set<String> heldNow = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> publishes = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> offers = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool();
        List<Future<?>> drainers = new ArrayList<>();
        Runnable drain = () -> {
            Claim claim = Claim.NONE;
            while (!(claim = shared.next(claim)).isEmpty()) {
                claim.idsByCollection().forEach((collection, ids) -> ids.forEach(id -> {
                    if (!heldNow.add(collection + "/" + id)) {
                        overlaps.incrementAndGet();
                    }
                }));
                claim.idsByCollection().forEach((collection, ids) -> ids.forEach(id -> {
                    publishes.computeIfAbsent(collection + "/" + id, k -> new AtomicInteger()).incrementAndGet();
                    heldNow.remove(collection + "/" + id);
                }));
            }
        };
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            writes.add(threads.submit(() -> {
                start.await();
                for (int n = 0; n < offersPerWriter; n++) {
                    String collection = n % 2 == 0 ? "a" : "b";
                    String id = String.valueOf((n * 7 + writer) % documents);
                    offers.computeIfAbsent(collection + "/" + id, k -> new AtomicInteger()).incrementAndGet();
                    if (shared.offer(collection, List.of(id))) {
                        synchronized (drainers) {
                            drainers.add(threads.submit(drain));
                        }
                    }
                    if (n % 50 == 0) { // a sweep now and then
                        Claim swept = shared.claim(collection, List.of(id));
                        if (!swept.isEmpty() && !heldNow.add(collection + "/" + id)) {
                            overlaps.incrementAndGet();
                        }
                        if (!swept.isEmpty()) {
                            heldNow.remove(collection + "/" + id);
                        }
                        if (shared.settle(swept)) {
                            synchronized (drainers) {
                                drainers.add(threads.submit(drain));
                            }
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> write : writes) {
            write.get();
        }
        // Every drainer started ends once nothing waits; a drainer ending can only have been started before.
        for (int i = 0; ; i++) {
            Future<?> drainer;
            synchronized (drainers) {
                if (i >= drainers.size()) {
                    break;
                }
                drainer = drainers.get(i);
            }
            drainer.get();
        }
        threads.shutdown();

        assertThat(overlaps).as("documents in two claims at once").hasValue(0);
        assertThat(shared.next(Claim.NONE).isEmpty()).as("nothing left waiting").isTrue();
        assertThat(publishes.keySet()).as("every document offered was published").isEqualTo(offers.keySet());
    }
}
