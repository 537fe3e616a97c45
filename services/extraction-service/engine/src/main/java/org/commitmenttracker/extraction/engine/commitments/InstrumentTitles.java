package org.commitmenttracker.extraction.engine.commitments;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.commitmenttracker.extraction.engine.language.Punctuation;

/** The titles in outermost title brackets (《…》), as written; nested titles (〈…〉 or 《…》) stay inside. */
public final class InstrumentTitles {
    private final char open;
    private final char close;

    public InstrumentTitles(Punctuation punctuation) {
        this.open = punctuation.titleOpen();
        this.close = punctuation.titleClose();
    }

    public List<String> in(String text, String folded) {
        Set<String> titles = new LinkedHashSet<>();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == open && depth++ == 0) {
                start = i + 1;
            } else if (c == close && depth > 0 && --depth == 0) {
                String title = text.substring(start, i).strip();
                if (!title.isEmpty()) {
                    titles.add(title);
                }
            }
        }
        return List.copyOf(titles);
    }
}
