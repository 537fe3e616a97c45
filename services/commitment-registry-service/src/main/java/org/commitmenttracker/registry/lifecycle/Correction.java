package org.commitmenttracker.registry.lifecycle;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An analyst's correction: only the non-null fields change. */
public record Correction(String text, Integer section, LocalDate dueDate, List<String> parties, List<String> topics) {
    public Set<String> fields() {
        Set<String> fields = new LinkedHashSet<>();
        if (text != null) {
            fields.add("text");
        }
        if (section != null) {
            fields.add("section");
        }
        if (dueDate != null) {
            fields.add("dueDate");
        }
        if (parties != null) {
            fields.add("parties");
        }
        if (topics != null) {
            fields.add("topics");
        }
        return fields;
    }
}
