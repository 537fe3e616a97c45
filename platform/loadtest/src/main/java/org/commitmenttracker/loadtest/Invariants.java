package org.commitmenttracker.loadtest;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.commitmenttracker.loadtest.AckLog.Ack;
import org.commitmenttracker.loadtest.FaultInjector.FaultWindow;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What must hold after a run, checked from the services' own databases and the receiver, against the driver's
 * acknowledgement log:
 * <ul>
 *   <li>lost = 0: every acknowledged upload is in ingestion's store with all its commitments in the registry; every
 *       acknowledged progress report is in its commitment's history (registry store);</li>
 *   <li>duplicate effects = 0: no event id twice in a commitment's history (a redelivered report or registration
 *       applied twice), no two alerts for one commitment version (notification's delivery log);</li>
 *   <li>alerts: every status change in the registry has its alert, recorded as delivered exactly once (one
 *       successful attempt) and answered 2xx by the receiver at least once;</li>
 *   <li>readiness: every faulted process ready again within 60 s.</li>
 * </ul>
 * What a SIGKILL of the H2 store may drop (writes it acknowledged in its last uncommitted second) is counted apart, as
 * the store's loss, with the fault it belongs to: a missing acknowledgement from that second, and alert or duplicate
 * anomalies of a commitment the store's loss touched (a history entry, a delivery or a status change announced on
 * Kafka from that second to the platform being ready again, or a dropped report of it). The announcement counts
 * because notification writes its delivery when it consumes the change, possibly seconds after the registry's write.
 */
final class Invariants {
    /**
     * Documents per reply when reading a run's commitments and deliveries back: after a long run they are far
     * larger than one reply may be (the driver refuses replies over 48 MB).
     */
    private static final int READ_BATCH = 500;

    static final double READY_WITHIN_S = 60;

    private final MongoClient mongo;
    private final JsonMapper json;

    Invariants(MongoClient mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    /** The figures of one check; {@link #passed()} when every invariant holds. */
    static final class Result {
        long uploadsAcked;
        long reportsAcked;
        long lostUploads;
        long lostReports;
        long duplicateHistoryEntries;
        long duplicateAlerts;
        long statusChanges;
        long alerts;
        long alertsMissing;
        long alertsWithoutStatusChange;
        long alertsNotDelivered;
        long alertsDeliveredMoreThanOnce;
        long alertsNotReceived;
        long storeLossAcks;
        long storeLossAnomalies;
        long notReadyWithin60s;
        final Map<FaultWindow, long[]> perWindow = new LinkedHashMap<>(); // acks, lost, store loss

        long lost() {
            return lostUploads + lostReports;
        }

        long duplicateEffects() {
            return duplicateHistoryEntries + duplicateAlerts;
        }

        long alertFailures() {
            return alertsMissing + alertsWithoutStatusChange + alertsNotDelivered + alertsDeliveredMoreThanOnce + alertsNotReceived;
        }

        boolean passed() {
            return lost() == 0 && duplicateEffects() == 0 && alertFailures() == 0 && notReadyWithin60s == 0;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("passed", passed());
            map.put("uploads_acked", uploadsAcked);
            map.put("reports_acked", reportsAcked);
            map.put("lost", lost());
            map.put("lost_uploads", lostUploads);
            map.put("lost_reports", lostReports);
            map.put("duplicate_effects", duplicateEffects());
            map.put("duplicate_history_entries", duplicateHistoryEntries);
            map.put("duplicate_alerts", duplicateAlerts);
            map.put("status_changes", statusChanges);
            map.put("alerts", alerts);
            map.put("alerts_missing", alertsMissing);
            map.put("alerts_without_status_change", alertsWithoutStatusChange);
            map.put("alerts_not_delivered", alertsNotDelivered);
            map.put("alerts_delivered_more_than_once", alertsDeliveredMoreThanOnce);
            map.put("alerts_not_received", alertsNotReceived);
            map.put("store_loss_acks", storeLossAcks);
            map.put("store_loss_anomalies", storeLossAnomalies);
            map.put("not_ready_within_60s", notReadyWithin60s);
            return map;
        }
    }

    /**
     * @param expectedCommitments per communiqué of the run, how many commitments its analysis announced (-1: not seen)
     * @param subscriptionId      the driver's subscription, whose delivery log is checked
     * @param received            webhook ids the receiver answered with 2xx
     * @param announcedAt         per commitment, when its status changes were seen on {@code status-changes}
     */
    Result check(List<Ack> acks, Map<String, Integer> expectedCommitments, String subscriptionId, Set<String> received,
                 Map<String, ? extends Collection<Instant>> announcedAt, List<FaultWindow> windows) {
        Result result = new Result();
        for (FaultWindow window : windows) {
            result.perWindow.put(window, new long[3]);
            if (window.readyNanos == 0 || window.readyAfterSeconds() > READY_WITHIN_S) {
                result.notReadyWithin60s++;
            }
        }

        // the registry: every commitment of the run's communiqués, with its history
        Map<String, List<Document>> historyByCommitment = new HashMap<>();
        Map<String, Integer> registeredByDocument = new HashMap<>();
        for (Document commitment : mongo.getDatabase("registry").getCollection("commitments")
                .find(Filters.in("facts.documentId", expectedCommitments.keySet()))
                .projection(Projections.include("facts.documentId", "history.eventId", "history.to", "history.at"))
                .batchSize(READ_BATCH)) {
            String documentId = commitment.get("facts", Document.class).getString("documentId");
            registeredByDocument.merge(documentId, 1, Integer::sum);
            historyByCommitment.put(commitment.getString("_id"), commitment.getList("history", Document.class, List.of()));
        }
        Set<String> storedCommuniques = new HashSet<>();
        for (Document communique : mongo.getDatabase("ingestion").getCollection("communiques")
                .find(Filters.in("_id", expectedCommitments.keySet())).projection(Projections.include("_id"))) {
            storedCommuniques.add(communique.getString("_id"));
        }

        // lost: acknowledged, not there
        Set<String> touchedByStoreLoss = new HashSet<>();
        for (Ack ack : acks) {
            boolean missing;
            if (ack.kind() == AckLog.Kind.UPLOAD) {
                result.uploadsAcked++;
                int expected = expectedCommitments.getOrDefault(ack.id(), -1);
                int registered = registeredByDocument.getOrDefault(ack.id(), 0);
                missing = !storedCommuniques.contains(ack.id()) || registered == 0 || registered < expected;
            } else {
                result.reportsAcked++;
                missing = historyByCommitment.getOrDefault(ack.commitmentId(), List.of()).stream()
                        .noneMatch(entry -> ack.id().equals(entry.getString("eventId")));
            }
            windows.stream().filter(w -> w.contains(ack.nanos())).forEach(w -> result.perWindow.get(w)[0]++);
            if (!missing) {
                continue;
            }
            FaultWindow storeKill = windows.stream().filter(w -> w.storeMayHaveDropped(ack.nanos())).findFirst().orElse(null);
            if (storeKill != null) {
                result.storeLossAcks++;
                result.perWindow.get(storeKill)[2]++;
                if (ack.commitmentId() != null) {
                    touchedByStoreLoss.add(ack.commitmentId());
                }
                continue;
            }
            if (ack.kind() == AckLog.Kind.UPLOAD) {
                result.lostUploads++;
            } else {
                result.lostReports++;
            }
            windows.stream().filter(w -> w.contains(ack.nanos())).forEach(w -> result.perWindow.get(w)[1]++);
        }

        announcedAt.forEach((id, times) -> {
            if (times.stream().anyMatch(at -> touchedByStoreLossAt(at, windows))) {
                touchedByStoreLoss.add(id);
            }
        });

        // duplicate history entries; status changes per commitment
        Map<String, Long> duplicateEntries = new HashMap<>();
        Map<String, Integer> transitions = new HashMap<>();
        historyByCommitment.forEach((id, history) -> {
            Set<String> eventIds = new HashSet<>();
            for (Document entry : history) {
                String eventId = entry.getString("eventId");
                if (eventId != null && !eventIds.add(eventId)) {
                    duplicateEntries.merge(id, 1L, Long::sum);
                }
                if (entry.getString("to") != null) {
                    transitions.merge(id, 1, Integer::sum);
                }
                if (touchedByStoreLossAt(instant(entry.get("at")), windows)) {
                    touchedByStoreLoss.add(id);
                }
            }
        });

        // the delivery log: one alert per commitment version, delivered once, received
        Map<String, Set<Long>> alertVersions = new HashMap<>();
        Map<String, Long> duplicateVersions = new HashMap<>();
        Map<String, long[]> deliveryFailures = new HashMap<>(); // not delivered, delivered more than once, not received
        for (Document delivery : mongo.getDatabase("notification").getCollection("deliveries")
                .find(Filters.eq("subscriptionId", subscriptionId))
                .projection(Projections.include("body", "state", "attempts", "createdAt"))
                .batchSize(READ_BATCH)) {
            JsonNode message = json.readTree(delivery.getString("body"));
            if (!"status.changed".equals(message.path("type").asString(""))) {
                continue;
            }
            String commitmentId = message.path("data").path("commitmentId").asString("");
            if (!historyByCommitment.containsKey(commitmentId)) {
                continue; // not this run's
            }
            result.alerts++;
            if (touchedByStoreLossAt(instant(delivery.get("createdAt")), windows)) {
                touchedByStoreLoss.add(commitmentId);
            }
            if (!alertVersions.computeIfAbsent(commitmentId, k -> new HashSet<>()).add(message.path("data").path("version").asLong())) {
                duplicateVersions.merge(commitmentId, 1L, Long::sum);
            }
            long successes = delivery.getList("attempts", Document.class, List.of()).stream()
                    .filter(attempt -> "DELIVERED".equals(attempt.getString("outcome"))).count();
            long[] failures = deliveryFailures.computeIfAbsent(commitmentId, k -> new long[3]);
            if (!"DELIVERED".equals(delivery.getString("state"))) {
                failures[0]++;
            } else if (successes != 1) {
                failures[1]++;
            }
            if (!received.contains(delivery.getString("_id"))) {
                failures[2]++;
            }
        }

        // status changes against alerts; what the store's loss explains is counted apart
        for (String id : historyByCommitment.keySet()) {
            int changes = transitions.getOrDefault(id, 0);
            int alerted = alertVersions.getOrDefault(id, Set.of()).size();
            result.statusChanges += changes;
            long missing = Math.max(0, changes - alerted);
            long unexplained = Math.max(0, alerted - changes);
            long duplicates = duplicateEntries.getOrDefault(id, 0L);
            long duplicateAlerts = duplicateVersions.getOrDefault(id, 0L);
            long[] failures = deliveryFailures.getOrDefault(id, new long[3]);
            if (touchedByStoreLoss.contains(id)) {
                result.storeLossAnomalies += missing + unexplained + duplicates + duplicateAlerts + failures[0] + failures[1] + failures[2];
                continue;
            }
            result.alertsMissing += missing;
            result.alertsWithoutStatusChange += unexplained;
            result.duplicateHistoryEntries += duplicates;
            result.duplicateAlerts += duplicateAlerts;
            result.alertsNotDelivered += failures[0];
            result.alertsDeliveredMoreThanOnce += failures[1];
            result.alertsNotReceived += failures[2];
        }
        return result;
    }

    private static boolean touchedByStoreLossAt(Instant at, List<FaultWindow> windows) {
        return at != null && windows.stream().anyMatch(w -> w.storeDisturbed(at));
    }

    /** A date as the store returns it (BSON date), or null. */
    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
