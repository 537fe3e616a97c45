package org.commitmenttracker.loadtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.commitmenttracker.events.Topics;
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
 *       successful attempt) and answered 2xx by the receiver at least once; an alert still pending is late (unsettled),
 *       one notification gave up on ({@code DEAD}) is lost;</li>
 *   <li>readiness: every faulted process ready again (how long it took is a figure of the fault table, not a bound).</li>
 * </ul>
 * What a SIGKILL of the H2 store may drop (writes it acknowledged after its last commit, which the
 * {@link StoreCommitProbe} measures) is counted apart, as the store's loss, with the fault it belongs to: a missing
 * acknowledgement from after that commit, a report on Kafka the registry had not surely stored by then, and alert or
 * duplicate anomalies of a commitment the store's loss touched (a history entry, a delivery or a status change
 * published from that commit to the platform being ready again, a status change notification had not surely handled
 * by that commit, or a dropped report of it). Whether a consumer had handled a record by a time comes from its
 * committed offsets ({@link CommittedOffsets}): it commits only after its writes were acknowledged.
 */
final class Invariants {
    /**
     * Documents per reply when reading a run's commitments and deliveries back: after a long run they are far
     * larger than one reply may be (the driver refuses replies over 48 MB).
     */
    private static final int READ_BATCH = 500;

    private static final int MAX_ANOMALIES = 20;

    /** The consumer groups whose writes a store kill may drop after they committed their offsets. */
    private static final String REGISTRY_GROUP = ConsumerGroups.of("registry", Topics.PROGRESS);
    private static final String NOTIFICATION_GROUP = ConsumerGroups.of("notification", Topics.STATUS_CHANGES);

    private final MongoClient mongo;
    private final JsonMapper json;

    /** A status change on {@code status-changes}: when it was published (the record's time), and where it is. */
    record Announcement(Instant publishedAt, TopicPartition record, long offset) {
    }

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
        long alertsDead;
        long alertsDeliveredMoreThanOnce;
        long alertsNotReceived;
        long storeLossAcks;
        long storeLossAnomalies;
        /** Faulted processes never ready again (within the restart hang guard); how long the others took is a figure. */
        long neverReady;
        /** The first unexplained alert anomalies, each with its commitment's times, so a failed run says what to look at. */
        final List<String> anomalies = new ArrayList<>();
        final Map<FaultWindow, long[]> perWindow = new LinkedHashMap<>(); // acks, lost, store loss

        long lost() {
            return lostUploads + lostReports;
        }

        /**
         * What has not settled yet: acknowledged but not applied (yet), status changes without their alert, alerts not
         * delivered or not received (yet). It only goes down while the platform works; what is left of it when the
         * drain stops waiting is lost or unsettled. Duplicates, dead alerts and readiness are final and not part of it.
         */
        long outstanding() {
            return lost() + alertsMissing + alertsWithoutStatusChange + alertsNotDelivered + alertsNotReceived;
        }

        boolean settled() {
            return outstanding() == 0;
        }

        long duplicateEffects() {
            return duplicateHistoryEntries + duplicateAlerts;
        }

        long alertFailures() {
            return alertsMissing + alertsWithoutStatusChange + alertsNotDelivered + alertsDead + alertsDeliveredMoreThanOnce + alertsNotReceived;
        }

        boolean passed() {
            return settled() && duplicateEffects() == 0 && alertFailures() == 0 && neverReady == 0;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("passed", passed());
            map.put("settled", settled());
            map.put("outstanding", outstanding());
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
            map.put("alerts_dead", alertsDead);
            map.put("alerts_delivered_more_than_once", alertsDeliveredMoreThanOnce);
            map.put("alerts_not_received", alertsNotReceived);
            map.put("store_loss_acks", storeLossAcks);
            map.put("store_loss_anomalies", storeLossAnomalies);
            map.put("never_ready_again", neverReady);
            map.put("anomalies", anomalies);
            return map;
        }
    }

    /**
     * @param expectedCommitments per communiqué of the run, how many commitments its analysis announced (-1: not seen)
     * @param subscriptionId      the driver's subscription, whose delivery log is checked
     * @param received            webhook ids the receiver answered with 2xx
     * @param published           per commitment, its status changes as published on {@code status-changes}
     * @param committedOffsets    the consumer groups' committed offsets over the run
     */
    Result check(List<Ack> acks, Map<String, Integer> expectedCommitments, String subscriptionId, Set<String> received,
                 Map<String, ? extends Collection<Announcement>> published, CommittedOffsets committedOffsets,
                 List<FaultWindow> windows) {
        Result result = new Result();
        for (FaultWindow window : windows) {
            result.perWindow.put(window, new long[3]);
            if (window.readyNanos == 0) {
                result.neverReady++;
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
            FaultWindow storeKill = windows.stream().filter(w -> storeMayHaveDropped(w, ack, committedOffsets)).findFirst().orElse(null);
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
            if (result.anomalies.size() < MAX_ANOMALIES) {
                FaultWindow last = windows.stream().filter(w -> w.injected() && w.injectedNanos <= ack.nanos())
                        .reduce((first, second) -> second).orElse(null);
                result.anomalies.add("lost " + ack.kind() + " " + ack.id() + (ack.commitmentId() == null ? "" : " of " + ack.commitmentId())
                        + (ack.record() == null ? "" : " at " + ack.record() + "@" + ack.offset())
                        + (last == null ? "" : ", acknowledged %d ms after \"%s\"".formatted((ack.nanos() - last.injectedNanos) / 1_000_000, last.fault.label())));
            }
            windows.stream().filter(w -> w.contains(ack.nanos())).forEach(w -> result.perWindow.get(w)[1]++);
        }

        published.forEach((id, announcements) -> {
            if (announcements.stream().anyMatch(a -> touchedByStoreLossAt(a.publishedAt(), windows)
                    || windows.stream().anyMatch(w -> notifiedAfterStoreCommit(w, a, committedOffsets)))) {
                touchedByStoreLoss.add(id);
            }
        });

        // duplicate history entries; status changes per commitment
        Map<String, Long> duplicateEntries = new HashMap<>();
        Map<String, List<Instant>> transitionTimes = new HashMap<>();
        historyByCommitment.forEach((id, history) -> {
            Set<String> eventIds = new HashSet<>();
            for (Document entry : history) {
                String eventId = entry.getString("eventId");
                if (eventId != null && !eventIds.add(eventId)) {
                    duplicateEntries.merge(id, 1L, Long::sum);
                }
                if (entry.getString("to") != null) {
                    transitionTimes.computeIfAbsent(id, k -> new ArrayList<>()).add(instant(entry.get("at")));
                }
                if (touchedByStoreLossAt(instant(entry.get("at")), windows)) {
                    touchedByStoreLoss.add(id);
                }
            }
        });

        // the delivery log: one alert per commitment version, delivered once, received
        Map<String, Set<Long>> alertVersions = new HashMap<>();
        Map<String, Long> duplicateVersions = new HashMap<>();
        Map<String, long[]> deliveryFailures = new HashMap<>(); // not delivered (yet), delivered more than once, not received, dead
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
            long[] failures = deliveryFailures.computeIfAbsent(commitmentId, k -> new long[4]);
            if ("DEAD".equals(delivery.getString("state"))) {
                failures[3]++;
            } else if (!"DELIVERED".equals(delivery.getString("state"))) {
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
            int changes = transitionTimes.getOrDefault(id, List.of()).size();
            int alerted = alertVersions.getOrDefault(id, Set.of()).size();
            result.statusChanges += changes;
            long missing = Math.max(0, changes - alerted);
            long unexplained = Math.max(0, alerted - changes);
            long duplicates = duplicateEntries.getOrDefault(id, 0L);
            long duplicateAlerts = duplicateVersions.getOrDefault(id, 0L);
            long[] failures = deliveryFailures.getOrDefault(id, new long[4]);
            if (touchedByStoreLoss.contains(id)) {
                result.storeLossAnomalies += missing + unexplained + duplicates + duplicateAlerts + failures[0] + failures[1] + failures[2] + failures[3];
                continue;
            }
            if (missing + unexplained + failures[0] + failures[1] + failures[2] + failures[3] > 0 && result.anomalies.size() < MAX_ANOMALIES) {
                result.anomalies.add(id + ": changes=" + changes + " at " + transitionTimes.getOrDefault(id, List.of())
                        + ", announced " + (published.containsKey(id) ? published.get(id).stream().map(Announcement::publishedAt).toList() : List.of()) + ", alerted versions "
                        + alertVersions.getOrDefault(id, Set.of()) + ", not delivered/more than once/not received/dead "
                        + Arrays.toString(failures));
            }
            result.alertsMissing += missing;
            result.alertsWithoutStatusChange += unexplained;
            result.duplicateHistoryEntries += duplicates;
            result.duplicateAlerts += duplicateAlerts;
            result.alertsNotDelivered += failures[0];
            result.alertsDeliveredMoreThanOnce += failures[1];
            result.alertsNotReceived += failures[2];
            result.alertsDead += failures[3];
        }
        return result;
    }

    /**
     * Whether a store kill may have dropped what the acknowledgement stands for: acknowledged after the store's last
     * commit, or a report on Kafka sent before the store was back that the registry had not surely stored by that commit
     * (it may have stored it, unsaved, and committed its offset).
     */
    private static boolean storeMayHaveDropped(FaultWindow window, Ack ack, CommittedOffsets offsets) {
        if (window.storeMayHaveDropped(ack.nanos())) {
            return true;
        }
        return window.killsStore() && ack.record() != null && ack.nanos() <= window.storeDownUntilNanos()
                && !offsets.processedBy(REGISTRY_GROUP, ack.record(), ack.offset(), window.storeDurableUpTo());
    }

    /**
     * Whether notification may have written its delivery of a status change after the store's last commit before a
     * kill: it was on the topic before the store was back, and notification had not surely handled it by that commit.
     */
    private static boolean notifiedAfterStoreCommit(FaultWindow window, Announcement announcement, CommittedOffsets offsets) {
        return window.killsStore() && window.readyAt != null && !announcement.publishedAt().isAfter(window.readyAt)
                && !offsets.processedBy(NOTIFICATION_GROUP, announcement.record(), announcement.offset(), window.storeDurableUpTo());
    }

    private static boolean touchedByStoreLossAt(Instant at, List<FaultWindow> windows) {
        return at != null && windows.stream().anyMatch(w -> w.storeDisturbed(at));
    }

    /** A date as the store returns it (BSON date), or null. */
    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
