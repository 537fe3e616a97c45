package org.commitmenttracker.events;

/**
 * Every Kafka topic of the platform, named once. Each consuming group has its own dead-letter topic,
 * {@code <topic>.<group>.dlq} (the binding's {@code dlq-name}), e.g. {@code progress.registry.dlq}.
 */
public final class Topics {
    public static final String COMMUNIQUES = "communiques";
    public static final String COMMITMENTS = "commitments";
    public static final String PROGRESS = "progress";
    public static final String STATUS_CHANGES = "status-changes";
    public static final String DEADLINES = "deadlines";
    public static final String LINKS = "commitment-links";

    /** How every dead-letter topic's name ends. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }
}
