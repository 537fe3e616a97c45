package org.commitmenttracker.extraction.engine.structure;

import java.util.ArrayList;
import java.util.List;

import org.commitmenttracker.extraction.engine.language.LanguageProfile;
import org.commitmenttracker.extraction.engine.language.Punctuation;
import org.commitmenttracker.extraction.engine.text.Paragraph;

/**
 * Puts recovered paragraphs into parts and lists. A list's kind comes from its lead-in, the sentence ending in a
 * colon just before it: a signing ("签署…：") makes a list of signed documents, an agreement cue
 * ("双方商定：") a list of commitments.
 */
public final class StructureParser {
    private final Punctuation punctuation;
    private final List<String> agreementCues;
    private final List<String> signingCues;

    public StructureParser(LanguageProfile profile) {
        this.punctuation = profile.punctuation();
        this.agreementCues = profile.lexicon().list("list.agreement");
        this.signingCues = profile.lexicon().list("list.signing");
    }

    public DocumentStructure parse(List<Paragraph> paragraphs) {
        Paragraph title = null;
        List<Block> blocks = new ArrayList<>();
        Integer section = null;
        ListKind list = ListKind.UNMARKED;
        String leadIn = null;
        for (Paragraph paragraph : paragraphs) {
            switch (paragraph.role()) {
                case TITLE -> title = paragraph;
                case HEADING -> {
                    section = paragraph.number();
                    list = ListKind.UNMARKED;
                    leadIn = null;
                }
                case PROSE -> {
                    blocks.add(new Block.Prose(section, paragraph));
                    leadIn = leadIn(paragraph.folded());
                    list = leadIn == null ? ListKind.UNMARKED : kindOf(leadIn);
                }
                case BULLET -> blocks.add(new Block.Item(section, paragraph, list, leadIn));
            }
        }
        return new DocumentStructure(title, blocks);
    }

    /** The last sentence of a paragraph that ends in a colon, or null. */
    private String leadIn(String folded) {
        if (folded.isEmpty() || !punctuation.endsLeadIn(folded.charAt(folded.length() - 1))) {
            return null;
        }
        int start = folded.length() - 1;
        while (start > 0 && !punctuation.endsSentence(folded.charAt(start - 1))) {
            start--;
        }
        return folded.substring(start);
    }

    private ListKind kindOf(String leadIn) {
        if (signingCues.stream().anyMatch(leadIn::contains)) {
            return ListKind.SIGNED;
        }
        return agreementCues.stream().anyMatch(leadIn::contains) ? ListKind.AGREED : ListKind.UNMARKED;
    }
}
