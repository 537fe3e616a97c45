package org.commitmenttracker.loadtest;

import java.util.List;

import org.commitmenttracker.events.Topics;

/**
 * The services' consumer groups, as their application.yml names them: one group per binding, so that one topic's
 * rebalance never waits for another topic's busy consumers ({@code <service>-<topic>} where a service reads several
 * topics).
 */
final class ConsumerGroups {
    /** A service's binding of {@code topic}, consuming in {@code group}. */
    record Binding(String service, String topic, String group) {
    }

    static final List<Binding> BINDINGS = List.of(
            new Binding("extraction", Topics.COMMUNIQUES, "extraction"),
            new Binding("registry", Topics.COMMITMENTS, "registry-commitments"),
            new Binding("registry", Topics.COMMUNIQUES, "registry-communiques"),
            new Binding("registry", Topics.PROGRESS, "registry-progress"),
            new Binding("notification", Topics.STATUS_CHANGES, "notification-status-changes"),
            new Binding("notification", Topics.DEADLINES, "notification-deadlines"),
            new Binding("notification", Topics.LINKS, "notification-commitment-links"));

    private ConsumerGroups() {
    }

    /** The groups {@code service} consumes in; empty for a service that consumes nothing. */
    static List<String> of(String service) {
        return BINDINGS.stream().filter(binding -> binding.service().equals(service)).map(Binding::group).toList();
    }

    /** The group in which {@code service} consumes {@code topic}. */
    static String of(String service, String topic) {
        return BINDINGS.stream().filter(binding -> binding.service().equals(service) && binding.topic().equals(topic))
                .map(Binding::group).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(service + " does not consume " + topic));
    }
}
