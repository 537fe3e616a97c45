package org.commitmenttracker.registry.lifecycle;

import java.time.LocalDate;

/** A future time expression of a commitment; it falls due at the end of its last day. */
public record Milestone(String text, LocalDate dueDate) {
}
