package org.commitmenttracker.notification.matching;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of event a subscriber can ask for; the name is what the API and the webhook {@code type} use. */
public enum EventKind {
    STATUS_CHANGED("status.changed"),
    DEADLINE_APPROACHING("deadline.approaching"),
    DEADLINE_MISSED("deadline.missed");

    private final String wireName;

    EventKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventKind> ofWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
