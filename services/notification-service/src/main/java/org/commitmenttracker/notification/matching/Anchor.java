package org.commitmenttracker.notification.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The criteria a filter can be indexed under, most selective first, and the index keys of a filter and of an
 * event. A key is the criterion's tag, a separator and the value. A filter is filed under one criterion
 * only (the first non-empty one), so it is found through exactly one of the event's keys per value.
 */
enum Anchor {
    COMMITMENT('c', false, filter -> filter.commitmentIds(), occurrence -> single(occurrence.commitmentId())),
    DOCUMENT('d', false, filter -> filter.documentIds(), occurrence -> single(occurrence.documentId())),
    AGENCY('a', true, filter -> filter.agencies(), Occurrence::agencies),
    ORGANISATION('o', true, filter -> filter.organisations(), Occurrence::organisations),
    PARTY('p', true, filter -> filter.parties(), Occurrence::parties),
    TOPIC('t', true, filter -> filter.topics(), Occurrence::topics),
    STATUS('s', false, filter -> filter.statuses(), occurrence -> single(occurrence.status())),
    KIND('k', false, Anchor::kindsOf, occurrence -> single(occurrence.kind().wireName()));

    private static final char SEPARATOR = '\u001f';

    private final char tag;
    private final boolean multiValued;
    private final Function<SubscriptionFilter, Set<String>> filterValues;
    private final Function<Occurrence, Collection<String>> occurrenceValues;

    Anchor(char tag, boolean multiValued, Function<SubscriptionFilter, Set<String>> filterValues,
           Function<Occurrence, Collection<String>> occurrenceValues) {
        this.tag = tag;
        this.multiValued = multiValued;
        this.filterValues = filterValues;
        this.occurrenceValues = occurrenceValues;
    }

    /** The keys a filter is filed under: the values of its first non-empty criterion; none for a wildcard. */
    static List<String> keysOf(SubscriptionFilter filter) {
        for (Anchor anchor : values()) {
            Set<String> values = anchor.filterValues.apply(filter);
            if (!values.isEmpty()) {
                List<String> keys = new ArrayList<>(values.size());
                values.forEach(value -> keys.add(anchor.key(value)));
                return keys;
            }
        }
        return List.of();
    }

    /** Every key under which a filter that could match the event may be filed. */
    static List<String> keysOf(Occurrence occurrence) {
        List<String> keys = new ArrayList<>();
        for (Anchor anchor : values()) {
            for (String value : anchor.occurrenceValues.apply(occurrence)) {
                if (value != null) {
                    keys.add(anchor.key(value));
                }
            }
        }
        return keys;
    }

    static boolean isMultiValued(String key) {
        char tag = key.charAt(0);
        for (Anchor anchor : values()) {
            if (anchor.tag == tag) {
                return anchor.multiValued;
            }
        }
        throw new IllegalArgumentException("Not an index key: " + key);
    }

    private String key(String value) {
        return tag + String.valueOf(SEPARATOR) + value;
    }

    private static List<String> single(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static Set<String> kindsOf(SubscriptionFilter filter) {
        // A filter naming kinds matches only those kinds, so the kind is a (coarse) anchor too.
        Set<String> kinds = new HashSet<>();
        filter.events().forEach(kind -> kinds.add(kind.kind().wireName()));
        return kinds;
    }
}
