package org.commitmenttracker.registry.agencies;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Assigns agencies to newly registered commitments by section and/or topic (both given: both must match).
 */
@Document(AssignmentRule.COLLECTION)
public record AssignmentRule(@Id String id, Integer section, String topic, List<String> agencies) {
    public static final String COLLECTION = "assignment_rules";

    public AssignmentRule {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
    }

    public boolean matches(Integer commitmentSection, List<String> commitmentTopics) {
        return (section == null || section.equals(commitmentSection))
                && (topic == null || commitmentTopics.contains(topic));
    }
}
