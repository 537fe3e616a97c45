package org.commitmenttracker.extraction.engine.commitments;

import java.util.ArrayList;
import java.util.List;

import org.commitmenttracker.extraction.engine.language.ClauseOpenings;
import org.commitmenttracker.extraction.engine.language.ClauseOpenings.Opening;
import org.commitmenttracker.extraction.engine.language.ClauseOpenings.Subject;
import org.commitmenttracker.extraction.engine.language.ClauseOpenings.Verb;
import org.commitmenttracker.extraction.engine.language.Punctuation;
import org.commitmenttracker.extraction.engine.text.Paragraph;

/**
 * Commitments stated in running paragraphs. A sentence holds one when one of its clauses opens with a verb of
 * commitment; the commitment runs from that clause to the end of the sentence, taking along a bare reporting
 * clause just before it ("双方重申，将…"). Lead-ins of lists (ending in a colon) are not commitments.
 */
final class NarrativeFinder {
    /** A narrative commitment: its span in the paragraph and the subject that binds it (null: none written). */
    record Found(Span span, Subject subject) {
    }

    private final Punctuation punctuation;
    private final ClauseOpenings openings;
    private final Sentences sentences;

    NarrativeFinder(Punctuation punctuation, ClauseOpenings openings) {
        this.punctuation = punctuation;
        this.openings = openings;
        this.sentences = new Sentences(punctuation);
    }

    List<Found> find(Paragraph paragraph) {
        String folded = paragraph.folded();
        List<Found> found = new ArrayList<>();
        for (Span sentence : sentences.sentences(folded)) {
            if (punctuation.endsLeadIn(folded.charAt(sentence.end() - 1))) {
                continue;
            }
            Found commitment = inSentence(folded, sentence);
            if (commitment != null) {
                found.add(commitment);
            }
        }
        return found;
    }

    private Found inSentence(String folded, Span sentence) {
        List<Span> clauses = sentences.clauses(folded, sentence);
        Subject sentenceSubject = null;
        Opening previous = null;
        Span previousClause = null;
        for (Span clause : clauses) {
            Opening opening = openings.at(folded, clause.start());
            if (sentenceSubject == null && opening.subject() != null) {
                sentenceSubject = opening.subject();
            }
            if (opening.verb() == Verb.COMMITMENT) {
                boolean bareReport = previous != null && previous.verb() == Verb.REPORTING
                        && previous.end() == previousClause.end() - 1;
                int start = bareReport ? previousClause.start() : clause.start();
                Subject subject = opening.subject() != null ? opening.subject() : sentenceSubject;
                return new Found(new Span(start, sentence.end()), subject);
            }
            previous = opening;
            previousClause = clause;
        }
        return null;
    }
}
