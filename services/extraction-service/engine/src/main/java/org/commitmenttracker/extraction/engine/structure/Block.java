package org.commitmenttracker.extraction.engine.structure;

import org.commitmenttracker.extraction.engine.text.Paragraph;

/** A unit of a document's body, in reading order, with the number of the part it stands in (null before any). */
public sealed interface Block {
    Integer section();

    Paragraph paragraph();

    /** A running paragraph. */
    record Prose(Integer section, Paragraph paragraph) implements Block {
    }

    /** A list item, with the kind of its list and the folded lead-in sentence that introduced it (or null). */
    record Item(Integer section, Paragraph paragraph, ListKind list, String leadIn) implements Block {
    }
}
