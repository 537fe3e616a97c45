package org.commitmenttracker.extraction.engine.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commitmenttracker.extraction.engine.TimeSpan;
import org.commitmenttracker.extraction.engine.language.BulletMarkers;
import org.commitmenttracker.extraction.engine.language.ClauseOpenings;
import org.commitmenttracker.extraction.engine.language.LanguageProfile;
import org.commitmenttracker.extraction.engine.language.Lexicon;
import org.commitmenttracker.extraction.engine.language.SectionMarker;
import org.commitmenttracker.extraction.engine.text.Paragraph.Role;

/**
 * Recovers paragraphs from text as users have it: hard-wrapped lines, blank lines after every line, page
 * markers, or no newlines at all. The text is cut into pieces (runs without whitespace); each gap between two
 * pieces is then judged a paragraph break or a soft wrap by what stands on either side of it: a list marker
 * after a sentence end, the next part number, a line that stops short, a title-only list item that has closed,
 * a new statement ("双方商定，…") after a sentence end. Soft wraps are joined without inventing spaces
 * between wide characters. One pass, linear in the length of the text.
 */
public final class ParagraphRecovery {
    private static final int MAX_SUBHEADING_LENGTH = 60;
    private static final int MAX_SUBHEADING_WORDS = 6;
    private static final int MAX_TITLE_LENGTH = 80;
    /** How many lines a news repost may put above the document's own title. */
    private static final int LEADING_LINES = 8;
    /** What a date line may hold besides its date: a place, brackets and punctuation ("（…，北京）"). */
    private static final int MAX_DATE_LINE_REST = 6;
    /**
     * Alphabetic words take more characters than Chinese ones: a title of a spaced script may be longer, as a
     * Russian joint statement's that names both states in full, its subject and its occasion (some 300).
     */
    private static final int MAX_SPACED_TITLE_LENGTH = 320;
    /** A sign-off line's length and the words of its place ("г. Санкт-Петербург,"). */
    private static final int MAX_SIGN_OFF_LENGTH = 80;
    private static final int MAX_SIGN_OFF_PLACE_WORDS = 3;
    /** A title set in capitals ("РЕШЕНИЕ ОБ ОБРАЩЕНИИ …") states no sentence: it may run longer still. */
    private static final int MAX_CAPITALS_TITLE_LENGTH = 400;
    private static final int HEAD_WINDOW = 12;
    private static final int YEAR_DIGITS = 4;
    /** "4.1 ": the second level of a plan's outline numbering. */
    private static final Pattern OUTLINE_NUMBER = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.?[ \\t]+");
    private static final int MAX_DECLARING_LENGTH = 40;
    /** Blank lines between paragraphs: at least this many, and this share of all line ends. */
    private static final int MIN_PARAGRAPH_BLANKS = 3;
    private static final double MIN_PARAGRAPH_BLANK_SHARE = 0.1;
    /** Spaces that make a line a continuation of the list item above it (markdown indents by 2 to 4). */
    private static final int MIN_ITEM_INDENT = 2;
    /** Words a list item of several sentences may run to in wire copy before the next item must open. */
    private static final int MAX_ITEM_PIECES = 150;

    private enum Gap { INLINE, NEWLINE, BLANK }

    /** A run without whitespace; {@code indent}: the spaces before it when it opens its line, else -1. */
    private record Piece(int start, int end, Gap gap, int line, int indent) {
    }

    private final LanguageProfile profile;

    public ParagraphRecovery(LanguageProfile profile) {
        this.profile = profile;
    }

    public List<Paragraph> recover(String raw) {
        CharacterCleanup.Cleaned cleaned = CharacterCleanup.clean(raw);
        String text = cleaned.text();
        String folded = profile.fold(text);
        Tokens tokens = tokenise(text, folded);
        Layout layout = Layout.of(tokens.lineColumns(), tokens.lineGaps(), tokens.blankGaps());
        return new Builder(text, folded, layout, tokens, cleaned.offsets()).build();
    }

    /**
     * {@code indentedItems}: list items carry their continuation lines indented under the marker, as markdown
     * and web copies write them ("-   item" then "    more of it"); then indentation, not wording, says where
     * an item ends.
     */
    private record Tokens(List<Piece> pieces, int[] lineColumns, int lineGaps, int blankGaps, boolean indentedItems) {
    }

    /**
     * "…交流。八、双方…": in a script without spaces a part number after a sentence end inside a run of text
     * starts a piece of its own, so that the gap before it can be judged like a line break.
     */
    private boolean inlinePartAt(String folded, int at) {
        if (profile.spacedWords() || !profile.punctuation().endsSentenceAt(folded, at - 1)) {
            return false;
        }
        SectionMarker marker = profile.numbering().parse(folded.substring(at, Math.min(folded.length(), at + HEAD_WINDOW)));
        return marker != null && marker.level() == 1 && !marker.bare();
    }

    /**
     * "решили: 1.Поручить … 2.Информацию …": in a spaced script a paragraph number written without its space
     * before a capitalised word is a piece of its own, so that it is read like "1. Поручить".
     */
    private boolean gluedNumberEndsAt(String folded, int pieceStart, int at) {
        int digits = at - 1 - pieceStart;
        if (!profile.spacedWords() || digits < 1 || digits > 2 || folded.charAt(at - 1) != '.'
                || !Character.isUpperCase(folded.charAt(at))) {
            return false;
        }
        return Character.isDigit(folded.charAt(pieceStart)) && Character.isDigit(folded.charAt(at - 2));
    }

    private Tokens tokenise(String text, String folded) {
        List<Piece> pieces = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        Matcher pageMarker = profile.pageMarker().matcher(folded);
        int lineGaps = 0;
        int blankGaps = 0;
        boolean blankSinceLastPiece = false;
        int indentedContinuations = 0;
        int itemIndent = -1;
        for (int lineStart = 0; lineStart <= text.length(); ) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            List<int[]> markers = pageMarkers(pageMarker, folded, lineStart, lineEnd);
            int lineIndex = columns.size();
            int lineColumns = 0;
            boolean firstOfLine = true;
            int at = lineStart;
            int markerIndex = 0;
            while (at < lineEnd) {
                if (Character.isWhitespace(text.charAt(at))) {
                    lineColumns += firstOfLine ? 0 : 1;
                    at++;
                    continue;
                }
                if (markerIndex < markers.size() && at == markers.get(markerIndex)[0]) {
                    at = markers.get(markerIndex++)[1];
                    continue;
                }
                int end = at;
                int stop = markerIndex < markers.size() ? markers.get(markerIndex)[0] : lineEnd;
                while (end < stop && !Character.isWhitespace(text.charAt(end))) {
                    lineColumns += Characters.columns(text.charAt(end));
                    end++;
                    if (end < stop && (inlinePartAt(folded, end) || gluedNumberEndsAt(folded, at, end))) {
                        break;
                    }
                }
                Gap gap = !firstOfLine ? Gap.INLINE : blankSinceLastPiece ? Gap.BLANK : Gap.NEWLINE;
                int indent = firstOfLine ? at - lineStart : -1;
                if (firstOfLine && profile.spacedWords()) {
                    boolean marked = profile.bullets().markerLength(folded.substring(at, Math.min(folded.length(), at + HEAD_WINDOW))) > 0;
                    if (!marked && itemIndent >= 0 && indent >= MIN_ITEM_INDENT && indent > itemIndent) {
                        indentedContinuations++;
                    } else {
                        itemIndent = marked ? indent : -1;
                    }
                }
                if (firstOfLine && !pieces.isEmpty()) {
                    lineGaps++;
                    blankGaps += blankSinceLastPiece ? 1 : 0;
                }
                pieces.add(new Piece(at, end, gap, lineIndex, indent));
                firstOfLine = false;
                blankSinceLastPiece = false;
                at = end;
            }
            if (!firstOfLine) {
                columns.add(lineColumns);
            } else if (markers.isEmpty()) {
                blankSinceLastPiece = true;
            }
            lineStart = lineEnd + 1;
        }
        return new Tokens(pieces, columns.stream().mapToInt(Integer::intValue).toArray(), lineGaps, blankGaps,
                indentedContinuations > 0);
    }

    /** Page markers standing between whitespace (or line ends) in one line, as [start, end) ranges. */
    private static List<int[]> pageMarkers(Matcher matcher, String folded, int lineStart, int lineEnd) {
        List<int[]> ranges = new ArrayList<>();
        matcher.region(lineStart, lineEnd);
        while (matcher.find()) {
            boolean openBefore = matcher.start() == lineStart || Character.isWhitespace(folded.charAt(matcher.start() - 1));
            boolean openAfter = matcher.end() == lineEnd || Character.isWhitespace(folded.charAt(matcher.end()));
            if (openBefore && openAfter) {
                ranges.add(new int[] {matcher.start(), matcher.end()});
            }
        }
        return ranges;
    }

    /** Walks the pieces once, deciding at each gap whether a paragraph ends. */
    private final class Builder {
        private final String text;
        private final String folded;
        private final Layout layout;
        private final Tokens tokens;
        private final ClauseOpenings openings;
        /** Paragraphs are separated by blank lines and their lines wrapped anywhere (web and archive copies). */
        private final boolean newlinesWrapParagraphs;
        private final List<String> itemConjunctions;
        private final List<String> danglingWords;
        /** Words a Chinese title line cannot end on ({@code title.open-end}: "…联合宣言的" over "行动计划"). */
        private final List<String> openTitleEnds;
        private final Lexicon.PhraseIndex futureModals;
        private final List<Paragraph> paragraphs = new ArrayList<>();
        private final StringBuilder currentText = new StringBuilder();
        private final StringBuilder currentFolded = new StringBuilder();
        /** Where the text stands in the raw text, and where each character of the current paragraph does. */
        private final SourceOffsets cleanOffsets;
        private final SourceOffsets.Builder currentSources = new SourceOffsets.Builder();
        private Role role;
        private int markerLength;
        /** The marker that opened the current list item ("•", "b.", "(iii)"), empty when none. */
        private String itemMarker = "";
        private boolean hasSentenceEnd;
        private boolean titleItem;
        private boolean partTitle;
        private boolean afterBareHeading;
        private int titleDepth;
        private int lastLine;
        private int firstLine;
        private int lastSection;
        private int lastNumberedParagraph;
        private boolean numberingMayRestart;
        private int[] nextMarker;
        private int pieceIndex;
        /** The last number of an open numbered list ("1." … after a lead-in), 0 when none is open. */
        private int listNumber;
        private final List<String> declaringVerbs;
        private final List<String> followingCues;
        /** Whether the last paragraph ended in a lead-in's colon. */
        private boolean leadInBefore;
        /** Whether the last paragraph was a list item that ended in a lead-in's colon ("（二）…如下："). */
        private boolean itemLeadInBefore;
        /** The folded text of the paragraph before the current one. */
        private String lastFolded = "";

        Builder(String text, String folded, Layout layout, Tokens tokens, SourceOffsets cleanOffsets) {
            this.text = text;
            this.folded = folded;
            this.layout = layout;
            this.tokens = tokens;
            this.cleanOffsets = cleanOffsets;
            this.openings = profile.openings();
            this.declaringVerbs = profile.lexicon().listOrEmpty("lead.declaring");
            this.followingCues = profile.spacedWords() ? List.of() : java.util.stream.Stream.concat(
                    profile.lexicon().listOrEmpty("lead.following").stream(),
                    profile.lexicon().listOrEmpty("list.agreement").stream()).toList();
            this.newlinesWrapParagraphs = !layout.wrapped() && layout.blankLinesSeparateParagraphs()
                    && tokens.blankGaps() >= MIN_PARAGRAPH_BLANKS
                    && tokens.blankGaps() >= MIN_PARAGRAPH_BLANK_SHARE * tokens.lineGaps();
            this.itemConjunctions = profile.lexicon().listOrEmpty("item.conjunction");
            this.danglingWords = profile.lexicon().listOrEmpty("word.never-last");
            this.openTitleEnds = profile.lexicon().listOrEmpty("title.open-end");
            this.futureModals = new Lexicon.PhraseIndex(profile.lexicon().listOrEmpty("word.future-modal"));
        }

        List<Paragraph> build() {
            nextMarker = nextMarkers();
            for (Piece piece : tokens.pieces()) {
                if (role != null && breaksBefore(piece)) {
                    flush();
                }
                if (role == null) {
                    firstLine = piece.line();
                    begin(piece);
                } else {
                    append(piece.start(), piece.end(), true);
                }
                lastLine = piece.line();
                pieceIndex++;
            }
            if (role != null) {
                flush();
            }
            return List.copyOf(paragraphs);
        }

        /**
         * For each piece, the index of the first piece at or after it that opens a list item, unless a number
         * (a numbered paragraph or part) comes first; past the end when none. One backward pass.
         */
        private int[] nextMarkers() {
            List<Piece> pieces = tokens.pieces();
            int[] next = new int[pieces.size() + 1];
            next[pieces.size()] = Integer.MAX_VALUE;
            for (int i = pieces.size() - 1; i >= 0; i--) {
                Piece piece = pieces.get(i);
                String head = folded.substring(piece.start(), Math.min(piece.end(), piece.start() + HEAD_WINDOW));
                SectionMarker number = profile.numbering().parse(head);
                boolean numbered = number != null && number.bare() && number.length() == piece.end() - piece.start()
                        && (!profile.spacedWords() || folded.charAt(piece.end() - 1) == '.' || ownLine(piece));
                next[i] = numbered ? Integer.MAX_VALUE
                        : profile.bullets().markerLength(window(piece.start())) > 0 ? i : next[i + 1];
            }
            return next;
        }

        /** Whether another list item opens within an item's length of this piece, before any numbered unit. */
        private boolean itemFollows() {
            int next = nextMarker[pieceIndex];
            return next != Integer.MAX_VALUE && next - pieceIndex <= MAX_ITEM_PIECES;
        }

        /**
         * A line that holds a full date and at most a place ("二〇〇九年十一月十七日，北京", "（2004年5月10日）"); in
         * hard-wrapped text only the date and brackets, as a wrapped line may go on after it ("…18日，中华").
         */
        private boolean isDateLine(String line) {
            if (profile.dates().firstFullDate(line).isEmpty()) {
                return false;
            }
            String dates = String.join("", profile.dates().find(line, line, null).stream().map(TimeSpan::text).toList());
            boolean bracketed = profile.punctuation().depthChange(line.charAt(0)) > 0
                    && profile.punctuation().depthChange(line.charAt(line.length() - 1)) < 0;
            if (layout.wrapped()) {
                return bracketed || hanCount(line) == hanCount(dates);
            }
            return line.length() - dates.length() <= MAX_DATE_LINE_REST;
        }

        private static long hanCount(String text) {
            return text.chars().filter(c -> Characters.isHan((char) c)).count();
        }

        private boolean breaksBefore(Piece piece) {
            if (role == Role.BULLET && currentFolded.length() <= markerLength) {
                // A marker alone on its line ("3." over "Распространить …"): its item is what follows.
                return false;
            }
            char last = currentFolded.charAt(currentFolded.length() - 1);
            boolean lineBreak = piece.gap() != Gap.INLINE;
            boolean mayBeTitle = paragraphs.isEmpty() && role == Role.PROSE && !hasSentenceEnd;
            boolean lastLineShort = layout.isShort(tokens.lineColumns()[lastLine]);
            // In a spaced script a title runs on past its document type ("Declaration of the Leaders …").
            boolean titleTypeEnds = endsWithTitleSuffix() && (lineBreak || !profile.spacedWords());
            if (mayBeTitle && lineBreak && profile.spacedWords() && currentFolded.length() <= MAX_CAPITALS_TITLE_LENGTH
                    && upperCase(currentFolded, 0, currentFolded.length())) {
                // "СОВМЕСТНОЕ ЗАЯВЛЕНИЕ" over "РОССИЙСКОЙ ФЕДЕРАЦИИ И …": a title set in capitals runs on over
                // its lines, and ends where the capitals do.
                return !upperCase(folded, piece.start(), lineEnd(piece.start()));
            }
            if (mayBeTitle && lineBreak && !titleTypeEnds && endsOpenTitle()) {
                // "…联合宣言的" over "行动计划(2021-2025)": a title line ending on a particle or
                // conjunction leaves the title open for its next line.
                return false;
            }
            if (mayBeTitle && (titleTypeEnds || (lineBreak && lastLineShort))) {
                return true;
            }
            // A repost's own title below its lead, source line or dateline ("…全文如下：" over "甲乙两国联合声明"),
            // and the date line below a title: among the first lines, a short line ending in a document type, a
            // wire dateline ("新华社北京3月5日电") or a line with a full date is a paragraph of its own.
            if (!profile.spacedWords() && paragraphs.size() < LEADING_LINES && role == Role.PROSE && !hasSentenceEnd
                    && lineBreak && lastLineShort && (endsWithTitleSuffix()
                            || profile.dates().dateline(currentFolded.toString()).isPresent()
                            || isDateLine(currentFolded.toString()))) {
                return true;
            }
            if (role == Role.BULLET && lineBreak && tokens.indentedItems()) {
                // An item runs on while its lines are indented under its marker; the next marker or a line at
                // the margin (a heading, the text that follows the list) ends it.
                return piece.indent() < MIN_ITEM_INDENT || profile.bullets().markerLength(window(piece.start())) > 0;
            }
            if (lineBreak && endsWithDanglingWord() && opensOnFromDanglingWord(piece)
                    && !(endsWithItemConjunction() && nextItemOfList(piece, true))) {
                // "… in close touch with the" and, after a page break's blank line, "authorities of …": a line
                // ending in an article, preposition or conjunction leaves its sentence open for the next line in
                // lower case or opening with a number that marks nothing ("… in" over "2025."); "…; and" over the
                // list's next marker ("iv. …") closes its item.
                return false;
            }
            boolean afterUnit = profile.punctuation().mayPrecedeItem(last) || endsWithItemConjunction();
            boolean leadInEnds = profile.punctuation().endsLeadIn(last) && !declaresWhatFollows(currentFolded);
            if ((afterUnit || (lineBreak && listNumber > 0))
                    && listNumberAt(piece, leadInEnds ? currentFolded : null, leadInEnds && role == Role.BULLET) != null) {
                return true;
            }
            if ((afterUnit || mayBeTitle) && heading(piece) != null) {
                return true;
            }
            if (afterUnit && profile.bullets().markerLength(window(piece.start())) > 0) {
                return true;
            }
            if (profile.spacedWords() && opensOutlineChild(piece)) {
                return true;
            }
            if (role == Role.BULLET && profile.spacedWords() && nextItemOfList(piece, lineBreak)) {
                return true;
            }
            if (profile.spacedWords() && heading(piece) != null && opensCapitalised(piece.end())) {
                // "… Trade and Investment 4. We note …": the next number in sequence, then a sentence.
                return true;
            }
            if (!profile.spacedWords() && lineBreak && firstLine == lastLine && !hasSentenceEnd && lastLineShort
                    && !profile.punctuation().breaksClause(last) && restartsParagraphNumbers(piece)) {
                // "消除贫困" over "1. 我们…" after paragraphs 1. and 2.: a topic heading on a line of its own, under
                // which a chair's statement numbers its paragraphs from 1 again.
                numberingMayRestart = true;
                return true;
            }
            if (!profile.spacedWords() && lineBreak && partTitle && !hasSentenceEnd && lastLineShort
                    && !profile.punctuation().breaksClause(last)) {
                // "二、务实合作" over "双方将…": a part's title on a short line of its own, then its text.
                return true;
            }
            if (piece.gap() == Gap.NEWLINE && !afterUnit && newlinesWrapParagraphs) {
                // A single newline inside a paragraph of such a copy ("Министры иностранных\nдел …") is a
                // space, not the end of a heading; a marker or the next number after a unit end was seen above.
                return false;
            }
            if (profile.spacedWords() && lineBreak && ((lastLineShort && heading(piece) != null)
                    || ((lastLineShort || mayBeTitle) && endsHeadingLine(last, piece)))) {
                return true;
            }
            if (lineBreak && piece.gap() == Gap.BLANK && layout.blankLinesSeparateParagraphs()) {
                return true;
            }
            if (lineBreak && !layout.wrapped() && !continuesName(afterUnit, piece)) {
                return true;
            }
            boolean afterSentence = profile.punctuation().endsSentenceAt(currentFolded, currentFolded.length() - 1);
            // A short line ending a sentence, a lead-in ("双方商定：") or an item ("…;") ends its paragraph.
            boolean afterLeadOrItem = last != profile.punctuation().titleClose() && profile.punctuation().mayPrecedeItem(last);
            if (lineBreak && (afterSentence || afterLeadOrItem) && lastLineShort) {
                return true;
            }
            if (titleItem && titleDepth == 0 && last == profile.punctuation().titleClose()) {
                return true;
            }
            if (profile.spacedWords() && !lineBreak) {
                // Wire copy of a spaced script: a statement ends a list item ("…; — provide X. The Sides will …")
                // or the title of a part it follows on the same line ("II. Trade The Sides will …"), unless the
                // part opens on a subject of its own ("VI. Государства – члены ОДКБ продолжат …": no title).
                // An item's further sentences stay in it while another item of its list follows close by.
                boolean afterItem = role == Role.BULLET && afterSentence && !tokens.indentedItems() && !itemFollows();
                boolean afterPartTitle = partTitle && !hasSentenceEnd && Character.isUpperCase(text.charAt(piece.start()))
                        && openings.at(currentFolded.toString(), 0).subject() == null;
                return (afterItem || afterPartTitle) && opensStatement(piece.start());
            }
            if (profile.spacedWords() && lineBreak && afterSentence && subheadingLineAt(piece.start())) {
                // "… in trade and security." over "TRADE" over "The two sides will …": a news copy's subheading.
                return true;
            }
            if (profile.spacedWords() && lineBreak && afterSentence && signOffLineAt(piece.start())) {
                // "… годовщине Победы." over "г. Санкт-Петербург, 28 декабря 2021 года": the place and date the
                // text was signed, on a line of its own though it opens in lower case.
                return true;
            }
            return afterSentence && opensStatement(piece.start());
        }

        /**
         * A short capitalised line of a few words without any sentence or clause end, followed by a line that opens
         * capitalised: a subheading, not the start of a sentence wrapped over lines.
         */
        private boolean subheadingLineAt(int start) {
            int end = lineEnd(start);
            String line = folded.substring(start, end).strip();
            if (line.isEmpty() || line.length() > MAX_SUBHEADING_LENGTH || !Character.isUpperCase(line.charAt(0))
                    || line.split(" +").length > MAX_SUBHEADING_WORDS) {
                return false;
            }
            for (int i = 0; i < line.length(); i++) {
                if (profile.punctuation().breaksClause(line.charAt(i)) || profile.punctuation().endsSentenceAt(line, i)
                        || profile.punctuation().endsLeadIn(line.charAt(i))) {
                    return false;
                }
            }
            return end < folded.length() && opensCapitalised(end);
        }

        /**
         * A short line that is a place and a full date ("г. Москва, 5 июня 2025 года", "Lima, 3 June 2021"): no
         * more than {@value #MAX_SIGN_OFF_PLACE_WORDS} words beside its dates and no sentence end before its own.
         */
        private boolean signOffLineAt(int start) {
            String line = folded.substring(start, lineEnd(start)).strip();
            if (line.isEmpty() || line.length() > MAX_SIGN_OFF_LENGTH || profile.dates().firstFullDate(line).isEmpty()) {
                return false;
            }
            for (int i = 0; i < line.length() - 1; i++) {
                if (profile.punctuation().endsSentenceAt(line, i)) {
                    return false;
                }
            }
            String place = line;
            for (TimeSpan date : profile.dates().find(line, line, null)) {
                place = place.replace(date.text(), " ");
            }
            return place.isBlank() || place.strip().split("\\s+").length <= MAX_SIGN_OFF_PLACE_WORDS;
        }

        /**
         * "4.1 The Joint Committee shall monitor …", "4.2 This Plan will be updated …": a second-level outline
         * number opening a statement with a future modal in its first line is an item, as the third level's are;
         * a group's heading ("1.1 Political Dialogue") states nothing to be done. Returns the marker's length, or 0.
         */
        private int outlineStatementMarker(int from) {
            Matcher number = OUTLINE_NUMBER.matcher(folded).region(from, folded.length());
            if (!number.lookingAt() || number.end() >= folded.length() || !Character.isUpperCase(folded.charAt(number.end()))) {
                return 0;
            }
            int end = lineEnd(number.end());
            for (int at = number.end(); at < end; at++) {
                if (Character.isWhitespace(folded.charAt(at - 1)) && futureModals.at(folded, at) != null) {
                    return number.end() - from;
                }
            }
            return 0;
        }

        /**
         * "1.2 Security Issues" then "1.2.1 Strengthen …", on the next line or run into the same one: an outline
         * number under the number the paragraph opens with starts an item, though the heading ends in no stop.
         */
        private boolean opensOutlineChild(Piece piece) {
            String window = window(piece.start());
            int length = profile.bullets().markerLength(window);
            String marker = window.substring(0, length).strip();
            int lastDot = marker.endsWith(".") ? marker.lastIndexOf('.', marker.length() - 2) : marker.lastIndexOf('.');
            if (length == 0 || lastDot <= 0 || !Character.isDigit(marker.charAt(0))) {
                return false;
            }
            String parent = marker.substring(0, lastDot);
            String current = currentFolded.toString();
            return current.startsWith(parent) && current.length() > parent.length()
                    && (current.charAt(parent.length()) == '.' || Character.isWhitespace(current.charAt(parent.length())))
                    && !Character.isDigit(current.charAt(Math.min(current.length() - 1, parent.length() + 1)));
        }

        /**
         * Whether the line at {@code piece} opens in lower case, or with a number that is no marker ("2025.", "30 June"
         * go on; "3. review …", "2) …", "1.2 …" open items or paragraphs: a year has four digits, a marker fewer).
         */
        private boolean opensOnFromDanglingWord(Piece piece) {
            int start = piece.start();
            if (Character.isLowerCase(text.charAt(start))) {
                return true;
            }
            int digitsEnd = start;
            while (digitsEnd < folded.length() && Character.isDigit(folded.charAt(digitsEnd))) {
                digitsEnd++;
            }
            if (digitsEnd == start || profile.bullets().markerLength(window(start)) > 0) {
                return false;
            }
            boolean numbersSomething = digitsEnd < folded.length() && ".)".indexOf(folded.charAt(digitsEnd)) >= 0
                    && digitsEnd - start < YEAR_DIGITS;
            return !numbersSomething;
        }

        /**
         * "…; and" closing a list item: the item's separator followed by a conjunction that joins it to the last
         * item, so a marker may follow ("a. …; and b. …", "- …; or\n- …").
         */
        private boolean endsWithDanglingWord() {
            int end = currentFolded.length();
            int start = end;
            while (start > 0 && Character.isLetter(currentFolded.charAt(start - 1))) {
                start--;
            }
            if (start == end || start > 0 && !Character.isWhitespace(currentFolded.charAt(start - 1))) {
                return false;
            }
            String word = currentFolded.substring(start, end);
            return danglingWords.stream().anyMatch(word::equalsIgnoreCase);
        }

        private boolean endsOpenTitle() {
            String tail = currentFolded.substring(Math.max(0, currentFolded.length() - HEAD_WINDOW));
            return openTitleEnds.stream().anyMatch(tail::endsWith);
        }

        private boolean endsWithItemConjunction() {
            if (role != Role.BULLET) {
                return false;
            }
            for (String conjunction : itemConjunctions) {
                int at = currentFolded.length() - conjunction.length();
                if (at >= 2 && currentFolded.substring(at).equalsIgnoreCase(conjunction)
                        && Character.isWhitespace(currentFolded.charAt(at - 1))) {
                    int before = at - 1;
                    while (before > 0 && Character.isWhitespace(currentFolded.charAt(before))) {
                        before--;
                    }
                    char separator = currentFolded.charAt(before);
                    if (profile.punctuation().mayPrecedeItem(separator) || profile.punctuation().breaksClause(separator)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * Inside a list item, the next item of the same list opens even where the item before ends without
         * punctuation (headline-style items, lists collapsed into one line by PDF extraction): a line opening
         * with the item's own symbol ("•" … then "•" …), or, on a line or inline, the next letter or number of
         * the item's form ("b. … c. …", "(ii) … (iii)"). Dashes are left out: a dash opening a wrapped line
         * may be punctuation.
         */
        private boolean nextItemOfList(Piece piece, boolean lineBreak) {
            String window = window(piece.start());
            int length = profile.bullets().markerLength(window);
            if (length == 0 || itemMarker.isEmpty()) {
                return false;
            }
            String marker = window.substring(0, length).strip();
            // "• (j) …" then "• (3) …": the symbol opens the next item whatever number follows it.
            String symbol = profile.bullets().symbolOf(marker);
            boolean sameSymbol = lineBreak && symbol != null && symbol.equals(profile.bullets().symbolOf(itemMarker))
                    && symbol.chars().noneMatch(c -> Character.getType(c) == Character.DASH_PUNCTUATION);
            return sameSymbol || BulletMarkers.follows(itemMarker, marker);
        }

        /** Whether the text from {@code from} to {@code to} has letters or digits, and no small letter. */
        private static boolean upperCase(CharSequence s, int from, int to) {
            boolean letters = false;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (Character.isLowerCase(c)) {
                    return false;
                }
                letters |= Character.isLetterOrDigit(c);
            }
            return letters;
        }

        /** The end of the line at {@code from}, looked for no further than a title's length. */
        private int lineEnd(int from) {
            int limit = Math.min(folded.length(), from + MAX_SPACED_TITLE_LENGTH);
            int end = from;
            while (end < limit && folded.charAt(end) != '\n') {
                end++;
            }
            return end;
        }

        private boolean opensCapitalised(int from) {
            int at = skipSpaces(from);
            return at > from && at < text.length() && Character.isUpperCase(text.charAt(at));
        }

        /**
         * An unnumbered heading of a spaced script ("Trade and Investment"): a paragraph of one line without
         * any sentence or clause end, followed by a line that opens with a capital letter.
         */
        private boolean endsHeadingLine(char last, Piece piece) {
            return firstLine == lastLine && !hasSentenceEnd && !profile.punctuation().breaksClause(last)
                    && Character.isUpperCase(text.charAt(piece.start()));
        }

        /**
         * A dash at the start of a line that follows no sentence, clause or title end joins names
         * ("中国\n——中亚峰会"): the line was wrapped there, even in text that is not hard-wrapped. A numbered
         * marker joins nothing: "1.1.1." under the heading "1.1. Flood Data" opens an item.
         */
        private boolean continuesName(boolean afterUnit, Piece piece) {
            return !afterUnit && !Character.isDigit(text.charAt(piece.start()))
                    && profile.bullets().markerLength(window(piece.start())) > 0;
        }

        /** The next part number, when {@code piece} starts with it; numbers out of sequence are ordinary text. */
        private SectionMarker heading(Piece piece) {
            String head = folded.substring(piece.start(), Math.min(piece.end(), piece.start() + HEAD_WINDOW));
            SectionMarker marker = profile.numbering().parse(head);
            // An excerpt may start at any part ("七、…" first): the first numbered part, with its separator; in a
            // spaced script, where a Roman numeral may be a word, only as the text's first piece ("VI. …").
            boolean firstPart = marker != null && marker.level() == 1 && lastSection == 0 && (profile.spacedWords()
                    ? folded.charAt(piece.end() - 1) == '.' && folded.substring(0, piece.start()).isBlank()
                    : !marker.bare());
            // So may an excerpt start at any numbered paragraph, as the text's first piece ("36、双方…", "13. …").
            boolean firstParagraph = marker != null && marker.level() == 2 && lastNumberedParagraph == 0
                    && folded.substring(0, piece.start()).isBlank()
                    && (profile.spacedWords() ? folded.charAt(piece.end() - 1) == '.' : !marker.bare() && lastSection == 0);
            boolean inSequence = marker != null && (marker.level() == 1 ? marker.number() == lastSection + 1 || firstPart
                    : marker.number() == lastNumberedParagraph + 1 || (marker.number() == 1 && numberingMayRestart)
                            || firstParagraph);
            boolean standsAlone = marker != null && (!marker.bare() || marker.length() == piece.end() - piece.start());
            if (standsAlone && profile.spacedWords() && folded.charAt(piece.end() - 1) != '.' && !ownLine(piece)) {
                // A numeral without its dot ("II") is a part only on a line of its own, not a word of the text.
                return null;
            }
            return inSequence && standsAlone ? marker : null;
        }

        /** Whether {@code piece} opens with paragraph number 1 ("1.", "1、") once the document has numbered paragraphs. */
        private boolean restartsParagraphNumbers(Piece piece) {
            String head = folded.substring(piece.start(), Math.min(piece.end(), piece.start() + HEAD_WINDOW));
            SectionMarker marker = profile.numbering().parse(head);
            boolean standsAlone = marker != null && (!marker.bare() || marker.length() == piece.end() - piece.start());
            return standsAlone && marker.level() == 2 && marker.number() == 1 && lastNumberedParagraph > 0;
        }

        private boolean ownLine(Piece piece) {
            boolean lineStart = piece.gap() != Gap.INLINE || piece.start() == 0;
            return lineStart && (piece.end() >= folded.length() || folded.charAt(piece.end()) == '\n');
        }

        /**
         * "1." right after a lead-in ("We commit to:"), then "2.", "3." …: the items of a numbered list, which
         * neither continue nor restart the numbering of the document's paragraphs (spaced scripts). In Chinese
         * part numbers ("一、", "1.") open such a list under a lead-in that is itself a list item ("（二）…内涵是："
         * then "一、…" "二、…"), or under a lead-in paragraph that announces what follows when the item goes on
         * from it: a nested list, not the document's parts. {@code leadIn} is the paragraph ending in the
         * lead-in's colon, null when none comes right before.
         */
        private SectionMarker listNumberAt(Piece piece, CharSequence leadIn, boolean afterItemLeadIn) {
            boolean afterLeadIn = leadIn != null;
            String head = folded.substring(piece.start(), Math.min(piece.end(), piece.start() + HEAD_WINDOW));
            SectionMarker marker = profile.numbering().parse(head);
            if (marker == null) {
                return null;
            }
            boolean opens;
            if (profile.spacedWords()) {
                if (marker.level() != 2 || marker.length() != piece.end() - piece.start()) {
                    return null;
                }
                // "hereby declare the following:" then "1. The Parties shall …" or a plan's "1. TRADE": a paragraph
                // that states something with a subject of its own, or a heading in capitals, is the document's first
                // numbered paragraph, not an item of the lead-in.
                int content = skipSpaces(piece.end());
                boolean ownParagraph = opensStatement(content) || upperCase(folded, content, lineEnd(content));
                opens = marker.number() == 1 && afterLeadIn && !(heading(piece) != null && ownParagraph);
            } else {
                // After a lead-in paragraph that announces what follows ("…以下工作：" then "一、促进…"), "一、"
                // opens a list when its text goes on from the lead-in (no subject of its own) on a line that ends a
                // clause or sentence. "一、双方重申…" or a part title ("一、政治领域") opens the document's parts
                // after a preamble ("声明如下："), and "1." after a preamble that announces nothing ("…举行峰会：")
                // its numbered paragraphs.
                opens = marker.number() == 1 && (afterItemLeadIn
                        || afterLeadIn && announcesFollowing(leadIn) && continuesLeadIn(piece, marker));
            }
            boolean continues = listNumber > 0 && marker.number() == listNumber + 1;
            return opens || continues ? marker : null;
        }

        /**
         * Whether a lead-in's last sentence points at what follows ({@code lead.following}: "以下", "如下") or agrees
         * it ({@code list.agreement}: "双方商定：" over "一、加强…。").
         */
        private boolean announcesFollowing(CharSequence leadIn) {
            int from = leadIn.length() - 1;
            while (from > 0 && !profile.punctuation().endsSentenceAt(leadIn, from - 1)) {
                from--;
            }
            String sentence = leadIn.subSequence(Math.max(0, from), leadIn.length()).toString();
            return followingCues.stream().anyMatch(sentence::contains);
        }

        /**
         * Whether the text after a number goes on from the lead-in above: it stands on the number's line, opens
         * with no subject of its own and its line ends a clause or sentence, as an item does and a part title does
         * not.
         */
        private boolean continuesLeadIn(Piece piece, SectionMarker marker) {
            int content = skipSpaces(piece.start() + marker.length());
            if (folded.substring(piece.start() + marker.length(), content).indexOf('\n') >= 0) {
                // "一" alone on its line over "在双方共同努力下，…": a numeral on a line of its own numbers a part
                // of the document; an item writes its number before its text.
                return false;
            }
            int end = folded.indexOf('\n', content);
            end = end < 0 ? folded.length() : end;
            while (end > content && Character.isWhitespace(folded.charAt(end - 1))) {
                end--;
            }
            if (end == content || openings.at(folded, content).subject() != null) {
                return false;
            }
            return profile.punctuation().endsSentenceAt(folded, end - 1)
                    || profile.punctuation().mayPrecedeItem(folded.charAt(end - 1));
        }

        private void begin(Piece piece) {
            int from = piece.start();
            SectionMarker item = listNumberAt(piece, leadInBefore ? lastFolded : null, itemLeadInBefore);
            if (item != null) {
                listNumber = item.number();
                role = Role.BULLET;
                markerLength = item.length();
                partTitle = false;
                afterBareHeading = false;
                titleItem = false;
                append(from, piece.end(), false);
                return;
            }
            listNumber = 0;
            SectionMarker marker = heading(piece);
            if (marker != null) {
                if (marker.level() == 1) {
                    lastSection = marker.number();
                    numberingMayRestart = true;
                } else {
                    lastNumberedParagraph = marker.number();
                    numberingMayRestart = false;
                }
                String numeral = text.substring(from, from + marker.length());
                paragraphs.add(new Paragraph(Role.HEADING, numeral, folded.substring(from, from + marker.length()),
                        marker.number(), marker.level(), cleanOffsets.slice(from, from + marker.length())));
                from += marker.length();
                if (from == piece.end()) {
                    afterBareHeading = marker.level() == 1;
                    return;
                }
            }
            partTitle = (marker != null && marker.level() == 1) || afterBareHeading;
            afterBareHeading = false;
            int marked = marker == null ? profile.bullets().markerLength(window(from)) : 0;
            if (marker == null && marked == 0 && profile.spacedWords()) {
                marked = outlineStatementMarker(from);
            }
            role = marked > 0 ? Role.BULLET : Role.PROSE;
            markerLength = window(from).substring(0, marked).strip().length();
            itemMarker = window(from).substring(0, marked).strip();
            int content = skipSpaces(from + markerLength);
            titleItem = role == Role.BULLET && content < folded.length() && folded.charAt(content) == profile.punctuation().titleOpen();
            append(from, piece.end(), false);
        }

        private void append(int start, int end, boolean afterGap) {
            if (afterGap && keepsSpace(currentText.charAt(currentText.length() - 1), text.charAt(start))) {
                currentText.append(' ');
                currentFolded.append(' ');
                // The space stands for the gap it replaces.
                currentSources.add(cleanOffsets.start(start - 1));
            }
            currentText.append(text, start, end);
            currentFolded.append(folded, start, end);
            char titleOpen = profile.punctuation().titleOpen();
            char titleClose = profile.punctuation().titleClose();
            for (int i = start; i < end; i++) {
                currentSources.add(cleanOffsets.start(i));
                char c = folded.charAt(i);
                hasSentenceEnd |= profile.punctuation().endsSentenceAt(folded, i);
                titleDepth += c == titleOpen ? 1 : c == titleClose ? -1 : 0;
            }
        }

        /**
         * Whether the gap before the next piece is a space of the text. In a spaced script it always is, except
         * after a word broken by a hyphen at the end of a line; in Chinese only between alphabetic words.
         */
        private boolean keepsSpace(char before, char after) {
            if (!profile.spacedWords()) {
                return Characters.keepsSpaceBetween(before, after);
            }
            int length = currentText.length();
            boolean hyphenated = before == '-' && length >= 2 && Character.isLetter(currentText.charAt(length - 2))
                    && Character.isLetter(after);
            return !hyphenated;
        }

        private void flush() {
            int from = markerLength;
            int to = currentText.length();
            while (from < to && Character.isWhitespace(currentText.charAt(from))) {
                from++;
            }
            if (role == Role.BULLET && markerLength > 0 && from < to && separatesNumber(currentFolded.charAt(from))) {
                // "一 、…": the number's separator written apart from it belongs to the marker, not the text.
                from++;
            }
            while (to > from && Character.isWhitespace(currentText.charAt(to - 1))) {
                to--;
            }
            String paragraphText = currentText.substring(from, to);
            String paragraphFolded = currentFolded.substring(from, to);
            leadInBefore = !paragraphFolded.isEmpty()
                    && profile.punctuation().endsLeadIn(paragraphFolded.charAt(paragraphFolded.length() - 1))
                    && !declaresWhatFollows(paragraphFolded);
            itemLeadInBefore = leadInBefore && role == Role.BULLET;
            lastFolded = paragraphFolded;
            boolean capitals = profile.spacedWords() && upperCase(paragraphFolded, 0, paragraphFolded.length());
            boolean title = role == Role.PROSE && paragraphs.isEmpty() && !hasSentenceEnd
                    && paragraphText.length() <= (capitals ? MAX_CAPITALS_TITLE_LENGTH
                            : profile.spacedWords() ? MAX_SPACED_TITLE_LENGTH : MAX_TITLE_LENGTH);
            if (!paragraphText.isEmpty()) {
                paragraphs.add(new Paragraph(title ? Role.TITLE : role, paragraphText, paragraphFolded, 0,
                        currentSources.slice(from, to)));
            }
            currentText.setLength(0);
            currentFolded.setLength(0);
            currentSources.clear();
            role = null;
            markerLength = 0;
            itemMarker = "";
            hasSentenceEnd = false;
            titleItem = false;
            titleDepth = 0;
        }

        /** Whether {@code next} after the current item's marker makes a longer number marker ("一" + "、"). */
        private boolean separatesNumber(char next) {
            SectionMarker longer = profile.numbering().parse(currentFolded.substring(0, markerLength) + next);
            return longer != null && longer.length() == markerLength + 1;
        }

        private boolean endsWithTitleSuffix() {
            int from = Math.max(0, currentFolded.length() - HEAD_WINDOW);
            return profile.endsWithTitleSuffix(currentFolded.substring(from));
        }

        /**
         * "Мы, главы государств, …, заявляем:" ({@code lead.declaring}): the preamble's verb declares the document's
         * body, so the "1.", "2." … after it are its numbered paragraphs, not a list the lead-in opens.
         */
        private boolean declaresWhatFollows(CharSequence paragraph) {
            int end = paragraph.length();
            while (end > 0 && (Character.isWhitespace(paragraph.charAt(end - 1))
                    || profile.punctuation().endsLeadIn(paragraph.charAt(end - 1)))) {
                end--;
            }
            String text = paragraph.subSequence(Math.max(0, end - MAX_DECLARING_LENGTH), end).toString().toLowerCase(java.util.Locale.ROOT);
            return declaringVerbs.stream().anyMatch(verb -> text.endsWith(verb)
                    && (text.length() == verb.length() || !Character.isLetter(text.charAt(text.length() - verb.length() - 1))));
        }

        private boolean opensStatement(int at) {
            ClauseOpenings.Opening opening = openings.at(folded, at);
            return opening.subject() != null && opening.verb() != null;
        }

        private String window(int from) {
            return folded.substring(from, Math.min(folded.length(), from + HEAD_WINDOW));
        }

        private int skipSpaces(int from) {
            int at = from;
            while (at < folded.length() && Character.isWhitespace(folded.charAt(at))) {
                at++;
            }
            return at;
        }
    }
}
