package org.commitmenttracker.loadtest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The upload load: N distinct communiqués from 4 clients at once, timed until every commitment is registered and
 * notified; in fault mode, one more upload every {@link #TRICKLE_INTERVAL} while the progress load lasts.
 */
record Uploads(PlatformApi api, Ledger ledger, AckLog acks, SyntheticCommuniques corpus, String publisherToken) {
    private static final int CLIENTS = 4;
    /** Fault mode: one more upload this often, so that faults of ingestion, extraction and the store hit uploads in flight too. */
    private static final Duration TRICKLE_INTERVAL = Duration.ofSeconds(10);

    /** What the upload of N communiqués achieved. */
    record Figures(int communiquesUploaded, int duplicates, long communiquesFullyRegistered, long commitmentsExpected,
                   long commitmentsRegistered, double uploadsPerS, double secondsToAllRegistered, double secondsToAllNotified,
                   double commitmentsRegisteredPerS, Double registeredFractionOfRawInserts, Latency latency) {
    }

    record Latency(Latencies.Summary uploadToAnalysed, Latencies.Summary uploadToAllRegistered,
                   Latencies.Summary uploadToAllWebhooks) {
    }

    Uploads(PlatformApi api, Ledger ledger, AckLog acks, SyntheticCommuniques corpus) {
        this(api, ledger, acks, corpus, api.token("loadtest-publisher", List.of("publisher"), null));
    }

    /** Uploads communiqués 0..n-1 and waits (at most 120 s + 2 s each) until each is registered and notified. */
    Figures uploadAll(int n, RawRates.Store raw) throws InterruptedException {
        LoadDriver.log("uploading %d communiqués…", n);
        List<String> texts = new ArrayList<>(); // made before the clock starts
        for (int i = 0; i < n; i++) {
            texts.add(corpus.variant(i));
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            Thread client = new Thread(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    if (upload(texts.get(i)) == 200) {
                        duplicates.incrementAndGet();
                    }
                }
            }, "upload-" + c);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        double uploadSeconds = (System.nanoTime() - start) / 1e9;
        List<Ledger.Communique> uploaded = ledger.communiques.values().stream().filter(Ledger.Communique::uploaded).toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(120 + 2L * n).toNanos();
        while (System.nanoTime() < deadline && !uploaded.stream().allMatch(Ledger.Communique::done)) {
            Thread.sleep(100);
        }
        long expected = uploaded.stream().mapToLong(c -> c.expected).filter(e -> e > 0).sum();
        long registered = uploaded.stream().mapToLong(c -> c.registered.get()).sum();
        long done = uploaded.stream().filter(Ledger.Communique::done).count();
        long lastRegistered = uploaded.stream().mapToLong(c -> c.registeredNanos).max().orElse(start);
        long lastNotified = uploaded.stream().mapToLong(c -> c.notifiedNanos).max().orElse(start);
        Latencies toAnalysed = new Latencies();
        Latencies toRegistered = new Latencies();
        Latencies toNotified = new Latencies();
        for (Ledger.Communique communique : uploaded) {
            if (communique.analysedNanos != 0) {
                toAnalysed.add(communique.analysedNanos - communique.uploadNanos);
            }
            if (communique.done()) {
                toRegistered.add(communique.registeredNanos - communique.uploadNanos);
                toNotified.add(communique.notifiedNanos - communique.uploadNanos);
            }
        }
        double registeredSeconds = (lastRegistered - start) / 1e9;
        double registeredPerSecond = registeredSeconds <= 0 ? 0 : registered / registeredSeconds;
        LoadDriver.log("%d of %d communiqués fully registered (%d commitments) in %.1f s", done, uploaded.size(), registered,
                registeredSeconds);
        return new Figures(uploaded.size(), duplicates.get(), done, expected, registered,
                Latencies.round(uploaded.size() / uploadSeconds), Latencies.round(registeredSeconds),
                Latencies.round((lastNotified - start) / 1e9), Latencies.round(registeredPerSecond),
                Latencies.fraction(registeredPerSecond, raw.insertsPerS()),
                new Latency(toAnalysed.summary(), toRegistered.summary(), toNotified.summary()));
    }

    /** Fault mode's uploads: communiqués from {@code first} on, one every {@link #TRICKLE_INTERVAL} until interrupted. */
    Thread startTrickle(int first) {
        return Threads.startDaemon("upload-trickle", () -> {
            for (int i = first; !Thread.currentThread().isInterrupted(); i++) {
                upload(corpus.variant(i));
                try {
                    Thread.sleep(TRICKLE_INTERVAL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /**
     * Uploads one communiqué; an answer 201 (stored) or 200 (already there) is an acknowledgement.
     *
     * @return the answer's status, 0 when there was none
     */
    private int upload(String text) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = api.upload(text, publisherToken);
            if (response.statusCode() != 200 && response.statusCode() != 201) {
                ledger.errors.add("upload " + response.statusCode());
                return response.statusCode();
            }
            String id = api.parse(response.body()).get("id").asString();
            acks.upload(id);
            ledger.communique(id).uploadNanos = sent;
            return response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the trickle is stopping
            return 0;
        } catch (Exception e) {
            ledger.errors.add("upload " + e.getClass().getSimpleName());
            return 0;
        }
    }
}
