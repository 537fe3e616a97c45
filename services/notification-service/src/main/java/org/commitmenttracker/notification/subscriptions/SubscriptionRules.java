package org.commitmenttracker.notification.subscriptions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.commitmenttracker.notification.matching.EventKind;
import org.commitmenttracker.notification.matching.KindFilter;
import org.commitmenttracker.notification.matching.SubscriptionFilter;
import org.commitmenttracker.notification.subscriptions.SubscriptionRequest.EventRequest;
import org.commitmenttracker.service.web.WellFormedText;

/**
 * Turns a request into a filter, refusing anything unclear: unknown fields, statuses or event kinds, party
 * codes that are not ISO 3166 alpha-2, horizons or from/to on the wrong kind, oversized names, values and
 * lists. Pure: no store, no Spring.
 */
public final class SubscriptionRules {
    /** The registry's statuses (commitment lifecycle). */
    public static final Set<String> STATUSES = Set.of("PLEDGED", "IN_PROGRESS", "STALLED", "OVERDUE", "COMPLETED",
            "CANCELLED", "SUPERSEDED", "WITHDRAWN");
    static final int MAX_NAME = 200;
    static final int MAX_VALUE = 200;
    static final int MAX_VALUES = 500;
    static final int MAX_HORIZON_DAYS = 3650;
    private static final Pattern PARTY = Pattern.compile("[A-Z]{2}");

    private SubscriptionRules() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidSubscriptionException("name is required.");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidSubscriptionException("name is longer than " + MAX_NAME + " characters.");
        }
        printable("name", name);
        return name.strip();
    }

    public static SubscriptionFilter filter(SubscriptionRequest request) {
        if (request.keyword() != null && request.keyword().length() > MAX_VALUE) {
            throw new InvalidSubscriptionException("keyword is longer than " + MAX_VALUE + " characters.");
        }
        if (request.keyword() != null) {
            printable("keyword", request.keyword());
        }
        Set<String> parties = values("parties", request.parties());
        parties.stream().filter(party -> !PARTY.matcher(party).matches()).findFirst().ifPresent(party -> {
            throw new InvalidSubscriptionException("parties: '" + party + "' is not an ISO 3166 alpha-2 code (like CN, RU).");
        });
        Set<String> statuses = values("statuses", request.statuses());
        requireStatuses("statuses", statuses);
        return new SubscriptionFilter(values("commitmentIds", request.commitmentIds()),
                values("documentIds", request.documentIds()), sections(request.sections()),
                values("topics", request.topics()), parties, values("agencies", request.agencies()),
                values("organisations", request.organisations()), statuses, events(request.events()),
                request.keyword());
    }

    private static List<KindFilter> events(List<EventRequest> events) {
        if (events == null) {
            return List.of();
        }
        size("events", events);
        List<KindFilter> kinds = new ArrayList<>();
        for (EventRequest event : events) {
            if (event == null) {
                throw new InvalidSubscriptionException("events: an entry is null.");
            }
            EventKind kind = EventKind.ofWireName(event.kind()).orElseThrow(() -> new InvalidSubscriptionException(
                    "events: unknown kind '" + event.kind() + "'; allowed: " + EventKind.wireNames() + "."));
            Set<Integer> horizons = event.horizons() == null ? Set.of() : event.horizons();
            Set<String> from = values("events.from", event.from());
            Set<String> to = values("events.to", event.to());
            if (!horizons.isEmpty() && kind != EventKind.DEADLINE_APPROACHING) {
                throw new InvalidSubscriptionException("events: horizons apply to deadline.approaching only.");
            }
            if ((!from.isEmpty() || !to.isEmpty()) && kind != EventKind.STATUS_CHANGED) {
                throw new InvalidSubscriptionException("events: from/to apply to status.changed only.");
            }
            horizons.stream().filter(days -> days == null || days < 0 || days > MAX_HORIZON_DAYS).findFirst()
                    .ifPresent(days -> {
                        throw new InvalidSubscriptionException("events: horizon " + days + " is not a number of days between 0 and "
                                + MAX_HORIZON_DAYS + ".");
                    });
            requireStatuses("events.from", from);
            requireStatuses("events.to", to);
            kinds.add(new KindFilter(kind, horizons, from, to));
        }
        return kinds;
    }

    private static Set<Integer> sections(Set<Integer> sections) {
        if (sections == null) {
            return Set.of();
        }
        size("sections", sections);
        sections.stream().filter(section -> section == null || section < 0 || section > 10_000).findFirst()
                .ifPresent(section -> {
                    throw new InvalidSubscriptionException("sections: " + section + " is not a section number.");
                });
        return sections;
    }

    private static Set<String> values(String field, Set<String> values) {
        if (values == null) {
            return Set.of();
        }
        size(field, values);
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new InvalidSubscriptionException(field + ": values must not be empty.");
            }
            if (value.length() > MAX_VALUE) {
                throw new InvalidSubscriptionException(field + ": a value is longer than " + MAX_VALUE + " characters.");
            }
            printable(field, value);
        }
        return values;
    }

    /** Refuses control characters (NUL included) and unpaired surrogates, which no name or filter value needs. */
    static void printable(String field, String value) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSubscriptionException(field + ": control characters are not allowed.");
        }
        if (WellFormedText.problem(value) != null) {
            throw new InvalidSubscriptionException(field + ": not valid Unicode (an unpaired surrogate).");
        }
    }

    private static void size(String field, Collection<?> values) {
        if (values.size() > MAX_VALUES) {
            throw new InvalidSubscriptionException(field + ": more than " + MAX_VALUES + " values.");
        }
    }

    private static void requireStatuses(String field, Set<String> statuses) {
        statuses.stream().filter(status -> !STATUSES.contains(status)).findFirst().ifPresent(status -> {
            throw new InvalidSubscriptionException(field + ": Unknown status '" + status + "'; allowed: "
                    + new TreeSet<>(STATUSES) + ".");
        });
    }
}
