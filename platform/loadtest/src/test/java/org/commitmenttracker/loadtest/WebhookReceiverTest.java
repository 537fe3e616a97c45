package org.commitmenttracker.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiver over real HTTP on 127.0.0.1: what it answers, and what it tells the ledger. */
class WebhookReceiverTest {
    private final Ledger ledger = new Ledger();
    private final HttpClient http = HttpClient.newHttpClient();
    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = WebhookReceiver.start(ledger);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void theReportInFlightComesBackAsItsWebhookAndFreesItsCommitment() throws Exception {
        Ledger.Commitment commitment = inFlight("c1", "IN_PROGRESS");

        int status = deliver("w1", statusChanged("c1", "PLEDGED", "IN_PROGRESS", 2));

        assertThat(status).isEqualTo(204);
        eventually(() -> assertThat(ledger.completed.get()).isEqualTo(1));
        assertThat(ledger.reportToWebhook.count()).isEqualTo(1);
        assertThat(ledger.idle).containsExactly(commitment);
        assertThat(commitment.expected).isNull();
        assertThat(commitment.status).isEqualTo("IN_PROGRESS");
        assertThat(commitment.version).isEqualTo(2);
    }

    @Test
    void aRedeliveredWebhookCountsOnceAsADuplicate() throws Exception {
        inFlight("c1", "IN_PROGRESS");

        deliver("w1", statusChanged("c1", "PLEDGED", "IN_PROGRESS", 2));
        deliver("w1", statusChanged("c1", "PLEDGED", "IN_PROGRESS", 2));

        eventually(() -> assertThat(ledger.completed.get()).isEqualTo(1));
        eventually(() -> assertThat(receiver.duplicates()).isEqualTo(1));
        assertThat(receiver.webhookIds()).containsExactly("w1");
    }

    @Test
    void aNewerStateThanTheReportAskedForResynchronisesTheCommitmentAndKeepsItsReportInFlight() throws Exception {
        Ledger.Commitment commitment = inFlight("c1", "IN_PROGRESS");

        deliver("w1", statusChanged("c1", "IN_PROGRESS", "STALLED", 3));

        eventually(() -> assertThat(ledger.resynchronised.get()).isEqualTo(1));
        assertThat(ledger.completed.get()).isZero();
        assertThat(commitment.status).isEqualTo("STALLED");
        assertThat(commitment.expected).isEqualTo("IN_PROGRESS");
        assertThat(ledger.idle).isEmpty();
    }

    @Test
    void aRegistrationWebhookCountsAsItsCommuniqueNotified() throws Exception {
        Ledger.Communique communique = ledger.communique("d1");

        deliver("w1", "{\"type\":\"status.changed\",\"data\":{\"commitmentId\":\"c9\",\"documentId\":\"d1\",\"from\":null,"
                + "\"to\":\"PLEDGED\",\"version\":1}}");

        eventually(() -> assertThat(communique.notified.get()).isEqualTo(1));
        assertThat(communique.notifiedNanos).isNotZero();
    }

    @Test
    void whileFailingItAnswers500And503WithRetryAfterInTurnAndRecordsNothing() throws Exception {
        inFlight("c1", "IN_PROGRESS");
        receiver.failing.set(true);

        HttpResponse<Void> first = post("w1", statusChanged("c1", "PLEDGED", "IN_PROGRESS", 2));
        HttpResponse<Void> second = post("w1", statusChanged("c1", "PLEDGED", "IN_PROGRESS", 2));

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.headers().firstValue("Retry-After")).contains("1");
        assertThat(receiver.failuresAnswered()).isEqualTo(2);
        assertThat(ledger.completed.get()).isZero();
        assertThat(receiver.webhookIds()).isEmpty();
    }

    /** The receiver answers before it records (as a subscriber should): waits for what it records. */
    private static void eventually(Runnable assertion) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (attempt == 200) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private Ledger.Commitment inFlight(String id, String asked) {
        Ledger.Commitment commitment = ledger.commitments.computeIfAbsent(id, k -> new Ledger.Commitment(k, "d1"));
        commitment.expected = asked;
        commitment.inFlight = UUID.randomUUID();
        commitment.sentAtByVersion.put(2L, System.nanoTime());
        return commitment;
    }

    private static String statusChanged(String commitmentId, String from, String to, long version) {
        return "{\"type\":\"status.changed\",\"data\":{\"commitmentId\":\"" + commitmentId + "\",\"documentId\":\"d1\",\"from\":\""
                + from + "\",\"to\":\"" + to + "\",\"version\":" + version + "}}";
    }

    private int deliver(String webhookId, String body) throws Exception {
        return post(webhookId, body).statusCode();
    }

    private HttpResponse<Void> post(String webhookId, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(receiver.url())).header("webhook-id", webhookId)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
