package org.commitmenttracker.extraction.engine.language;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks that open a list item: the language's symbols ("——", "•" …) and the forms every language shares:
 * a dash and a space, "(a)", "a.", "1)".
 */
public final class BulletMarkers {
    private static final Pattern SHARED_FORMS = Pattern.compile("^(?:[\u2014\u2013-]\\s|[(\uFF08][a-z][)\uFF09]\\s?|[a-z][.)]\\s|\\d{1,2}[)\uFF09]\\s?)");

    private final List<String> symbols;
    private final Pattern ownForms;

    BulletMarkers(Lexicon lexicon) {
        this.symbols = lexicon.longestFirst("bullet.marker");
        List<String> forms = lexicon.listOrEmpty("bullet.form");
        this.ownForms = forms.isEmpty() ? null : Pattern.compile("^(?:" + String.join("|", forms) + ")");
    }

    /** Length of the marker {@code piece} starts with (followed by something), 0 if none. */
    public int markerLength(String piece) {
        String symbol = Lexicon.prefixAt(piece, 0, symbols);
        if (symbol != null) {
            return piece.length() > symbol.length() ? symbol.length() : 0;
        }
        Matcher shared = SHARED_FORMS.matcher(piece);
        if (shared.lookingAt() && shared.end() < piece.length()) {
            return shared.end();
        }
        if (ownForms != null) {
            Matcher own = ownForms.matcher(piece);
            return own.lookingAt() && own.end() < piece.length() ? own.end() : 0;
        }
        return 0;
    }
}
