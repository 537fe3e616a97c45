package org.commitmenttracker.extraction.engine.commitments;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.commitmenttracker.extraction.engine.language.Punctuation;

/** The titles in outermost title brackets (《…》), as written; nested titles (〈…〉 or 《…》) stay inside. */
public final class InstrumentTitles {
    private final char open;
    private final char close;
    private final List<String> heads;

    public InstrumentTitles(Punctuation punctuation) {
        this(punctuation, List.of());
    }

    /**
     * {@code heads}: where title brackets also quote other names («Группы двадцати»), only a title that starts
     * with one of these words (stems, any case: "Соглашени", "Договор") is an instrument; empty: every title.
     */
    public InstrumentTitles(Punctuation punctuation, List<String> heads) {
        this.open = punctuation.titleOpen();
        this.close = punctuation.titleClose();
        this.heads = heads;
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
                if (!title.isEmpty() && (heads.isEmpty() || heads.stream().anyMatch(h -> title.regionMatches(true, 0, h, 0, h.length())))) {
                    titles.add(title);
                }
            }
        }
        return List.copyOf(titles);
    }
}
