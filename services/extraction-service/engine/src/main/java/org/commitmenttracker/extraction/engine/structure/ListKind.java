package org.commitmenttracker.extraction.engine.structure;

/** What a bullet list is, by its lead-in: agreed commitments, documents signed, or neither. */
public enum ListKind { AGREED, SIGNED, UNMARKED }
