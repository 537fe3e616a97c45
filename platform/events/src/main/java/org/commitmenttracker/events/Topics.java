package org.commitmenttracker.events;

/** Every Kafka topic of the platform, named once. Each has a dead-letter twin, {@code <topic>.dlq}. */
public final class Topics {
    public static final String COMMUNIQUES = "communiques";
    public static final String COMMITMENTS = "commitments";
    public static final String PROGRESS = "progress";
    public static final String STATUS_CHANGES = "status-changes";
    public static final String DEADLINES = "deadlines";

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
