package org.commitmenttracker.extraction.engine.lineage;

/** {@code from}, a commitment of a later communiqué, carries the undertaking of {@code to}, an earlier one. */
public record CommitmentLink(LineageCommitment from, LineageCommitment to, Relation relation, double similarity) {
}
