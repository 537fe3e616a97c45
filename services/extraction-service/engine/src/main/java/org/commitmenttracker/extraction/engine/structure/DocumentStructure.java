package org.commitmenttracker.extraction.engine.structure;

import java.util.List;
import java.util.Optional;

import org.commitmenttracker.extraction.engine.text.Paragraph;

/** A document's title paragraph (or null) and its body as blocks in reading order. */
public record DocumentStructure(Paragraph title, List<Block> blocks) {
    public DocumentStructure {
        blocks = List.copyOf(blocks);
    }

    /** The same document without its blocks before {@code first} (0: all of them). */
    public DocumentStructure from(int first) {
        return first <= 0 ? this : new DocumentStructure(title, blocks.subList(Math.min(first, blocks.size()), blocks.size()));
    }

    /** The first running paragraph: where a communiqué says who met, when and where. */
    public Optional<Paragraph> opening() {
        return blocks.stream().filter(Block.Prose.class::isInstance).map(Block::paragraph).findFirst();
    }
}
