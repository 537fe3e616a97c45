package org.commitmenttracker.notification.silences;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.commitmenttracker.notification.matching.EventKind;
import org.commitmenttracker.notification.noise.Silence;
import org.commitmenttracker.notification.subscriptions.InvalidSubscriptionException;

/** Turns a request into a {@link Silence}, refusing what is unclear: no or past end, unknown kinds, oversized values. Pure. */
final class SilenceRules {
    static final Duration MAX_LENGTH = Duration.ofDays(366);
    static final int MAX_VALUES = 500;
    static final int MAX_TEXT = 200;
    /** Silences in force per subscription: they live in the subscription document, matched in memory. */
    static final int MAX_SILENCES = 100;

    private SilenceRules() {
    }

    static Silence silence(SilenceRequest request, Instant now) {
        if (request.until() == null) {
            throw new InvalidSubscriptionException("until is required: the instant the silence ends, like 2026-12-01T08:00:00Z.");
        }
        Instant until;
        try {
            until = Instant.parse(request.until());
        } catch (DateTimeParseException e) {
            throw new InvalidSubscriptionException("until: '" + request.until() + "' is not an instant like 2026-12-01T08:00:00Z.");
        }
        if (!until.isAfter(now)) {
            throw new InvalidSubscriptionException("until is not in the future: a silence that ended mutes nothing.");
        }
        if (until.isAfter(now.plus(MAX_LENGTH))) {
            throw new InvalidSubscriptionException("until is more than a year ahead; to stop a subscription, disable it.");
        }
        if (request.comment() != null && request.comment().length() > MAX_TEXT) {
            throw new InvalidSubscriptionException("comment is longer than " + MAX_TEXT + " characters.");
        }
        Set<EventKind> kinds = values("events", request.events()).stream()
                .map(name -> EventKind.ofWireName(name).orElseThrow(() -> new InvalidSubscriptionException("events: unknown kind '"
                        + name + "'; allowed: " + EventKind.wireNames() + ".")))
                .collect(Collectors.toSet());
        return new Silence("sil-" + UUID.randomUUID(), until, values("commitmentIds", request.commitmentIds()),
                values("documentIds", request.documentIds()), kinds, request.comment(), now);
    }

    private static Set<String> values(String field, Set<String> values) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > MAX_VALUES) {
            throw new InvalidSubscriptionException(field + ": more than " + MAX_VALUES + " values.");
        }
        for (String value : values) {
            if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
                throw new InvalidSubscriptionException(field + ": values must be 1 to " + MAX_TEXT + " characters.");
            }
        }
        return values;
    }
}
