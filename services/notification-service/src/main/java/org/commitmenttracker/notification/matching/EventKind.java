package org.commitmenttracker.notification.matching;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of event a subscriber can ask for; the name is what the API and the webhook {@code type} use. A kind
 * {@linkplain #askedOnly() asked only} reaches the subscriptions that name it, not those that take every kind.
 */
public enum EventKind {
    STATUS_CHANGED("status.changed", false),
    DEADLINE_APPROACHING("deadline.approaching", false),
    DEADLINE_MISSED("deadline.missed", false),
    /**
     * A later communiqué renewed (or repeated, or reported on) a pledge whose chain made no progress: asked only, so
     * subscribers who took every kind before it existed are not sent a new kind of alert unasked.
     */
    RENEWED_WITHOUT_PROGRESS("renewed.without-progress", true);

    private final String wireName;
    private final boolean askedOnly;

    EventKind(String wireName, boolean askedOnly) {
        this.wireName = wireName;
        this.askedOnly = askedOnly;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether only the subscriptions naming this kind in their {@code events} hear of it. */
    public boolean askedOnly() {
        return askedOnly;
    }

    /** Every kind's name, as the API lists them in a refusal. */
    public static String wireNames() {
        return Arrays.stream(values()).map(EventKind::wireName).collect(Collectors.joining(", "));
    }

    public static Optional<EventKind> ofWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
