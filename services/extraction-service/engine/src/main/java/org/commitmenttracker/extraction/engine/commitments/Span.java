package org.commitmenttracker.extraction.engine.commitments;

/** A [start, end) range of a paragraph. */
record Span(int start, int end) {
}
