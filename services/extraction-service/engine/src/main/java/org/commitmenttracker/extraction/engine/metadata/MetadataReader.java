package org.commitmenttracker.extraction.engine.metadata;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commitmenttracker.extraction.engine.DocumentMetadata;
import org.commitmenttracker.extraction.engine.SourceDocument;
import org.commitmenttracker.extraction.engine.TimeSpan;
import org.commitmenttracker.extraction.engine.gazetteer.Countries;
import org.commitmenttracker.extraction.engine.gazetteer.Organisations;
import org.commitmenttracker.extraction.engine.language.ClauseOpenings;
import org.commitmenttracker.extraction.engine.language.LanguageProfile;
import org.commitmenttracker.extraction.engine.language.Lexicon;
import org.commitmenttracker.extraction.engine.structure.Block;
import org.commitmenttracker.extraction.engine.structure.DocumentStructure;
import org.commitmenttracker.extraction.engine.text.Paragraph;

/**
 * Reads a communiqué's metadata the way the genre states it: the title line; an opening sentence naming who
 * met, when and what ("A 和 B 于2022年12月5日…举行X"), or a wire dateline ("…11月30日电"); a closing sentence
 * naming who signed. What the caller already knows (title, date) is used where the text is silent.
 */
public final class MetadataReader {
    private static final int MAX_NAME_LENGTH = 6;
    /** The second line of a title of two; a closing line with the date it was signed; a wire dateline. */
    private static final int MAX_TITLE_LINE = 80;
    private static final int MAX_SIGN_OFF = 40;
    private static final int MAX_SPACED_SIGN_OFF = 80;
    /** Two signatories, each with office and name on one line or two. */
    private static final int MAX_SIGNATURE_LINES = 4;
    private static final int MAX_DATELINE = 30;
    /** A date alone on its line: day, month, year and at most a weekday ("Tue 16 Nov 2018"). */
    private static final int MAX_DATE_WORDS = 4;
    /** How many lines a repost may put above the document's own title. */
    private static final int MAX_REPOST_LINES = 8;
    /** A spaced script's title wrapped onto at most two more lines; a line this long may have been wrapped. */
    private static final int MAX_TITLE_WRAPS = 2;
    private static final int MIN_WRAPPED_TITLE_LINE = 50;
    /** A web page's numeric date, year first ("2013/06/21", "2017-11-01 16:41"), the same in every language. */
    private static final Pattern PAGE_DATE = Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})([-/.])([0-9]{1,2})\\2([0-9]{1,2})(?![0-9])");

    private final LanguageProfile profile;
    private final Countries countries;
    private final List<String> offices;
    private final String officeInitials;
    private final List<String> nameEnds;
    private final List<String> officeStates;
    private final List<String> signingVerbs;
    private final List<String> meetingVerbs;
    private final List<String> meetingNouns;
    private final List<String> datelineEnds;
    private final List<String> titleNotes;
    private final List<String> titleLabels;
    private final List<String> signedAt;
    private final List<String> doneFormulas;
    private final List<String> neverLast;
    /** As many states named among those who met make them a grouping's members (0: no such rule). */
    private final int groupingStates;
    private final Organisations organisations;
    /** Prepositions after which a state is what the text is about, not one who met ("заявление по Сирии"). */
    private final List<String> topicPrepositions;

    public MetadataReader(LanguageProfile profile, Countries countries, Organisations organisations) {
        this.profile = profile;
        this.organisations = organisations;
        this.countries = countries;
        this.offices = profile.lexicon().longestFirst("office");
        this.officeInitials = offices.stream().map(office -> office.substring(0, 1)).distinct().reduce("", String::concat);
        this.nameEnds = profile.lexicon().longestFirst("name.end");
        this.officeStates = profile.lexicon().listOrEmpty("office.state").stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        this.signingVerbs = profile.lexicon().list("list.signing");
        this.meetingVerbs = profile.lexicon().list("meeting.verb");
        this.meetingNouns = profile.lexicon().list("meeting.noun");
        this.datelineEnds = profile.lexicon().listOrEmpty("dateline.end");
        this.titleNotes = profile.lexicon().listOrEmpty("title.note");
        this.titleLabels = profile.lexicon().listOrEmpty("title.label");
        this.signedAt = profile.lexicon().listOrEmpty("date.signed-at");
        this.neverLast = profile.lexicon().listOrEmpty("word.never-last");
        this.topicPrepositions = profile.lexicon().listOrEmpty("parties.topic-preposition");
        this.groupingStates = profile.lexicon().has("parties.grouping-states")
                ? Integer.parseInt(profile.lexicon().single("parties.grouping-states")) : 0;
        this.doneFormulas = profile.lexicon().listOrEmpty("date.done").stream()
                .map(formula -> formula.toLowerCase(Locale.ROOT)).toList();
    }

    public DocumentMetadata read(SourceDocument source, DocumentStructure structure) {
        Heading heading = heading(structure);
        String titleText = source.title() != null ? source.title() : heading.title();
        String titleFolded = titleText == null ? "" : profile.fold(titleText);
        Optional<Paragraph> opening = opening(structure, heading.openingFrom());
        String openingFolded = opening.map(Paragraph::folded).orElse("");
        return new DocumentMetadata(titleText, profile.code(), date(source, structure, openingFolded, heading.dateline()),
                parties(openingFolded, titleFolded, leadAfter(structure, opening.orElse(null))), signatories(structure, opening),
                meeting(opening.orElse(null), titleText, titleFolded));
    }

    /**
     * The title as the document writes it, and what stands with it: a title of two lines ("A 和 B" above
     * "关于…的联合声明") read as one, without a wire dateline glued before it ("新华社北京7月23日电 …", whose
     * month and day are kept) or a note after it ("（全文）"). {@code openingFrom}: the first block after the
     * title (1 when its second line was the first block, below a repost's own title line).
     */
    private record Heading(String title, int openingFrom, String dateline) {
    }

    private Heading heading(DocumentStructure structure) {
        Paragraph title = structure.title();
        int ownTitle = titleBelowRepostLines(structure);
        if (ownTitle >= 0) {
            List<Paragraph> wrapped = titleWrap(structure, ownTitle + 1, structure.blocks().get(ownTitle).paragraph());
            return new Heading(withoutLabel(joined(structure.blocks().get(ownTitle).paragraph(), wrapped)), ownTitle + 1 + wrapped.size(),
                    datelineAbove(structure, ownTitle));
        }
        if (title == null) {
            return new Heading(null, 0, "");
        }
        List<Paragraph> wrapped = titleWrap(structure, 0, title);
        if (!wrapped.isEmpty()) {
            return new Heading(joined(title, wrapped), wrapped.size(), "");
        }
        String text = title.text();
        boolean continued = false;
        Block first = structure.blocks().isEmpty() ? null : structure.blocks().get(0);
        if (!profile.endsWithTitleSuffix(bare(title.folded())) && first instanceof Block.Prose
                && !endsASentence(first.paragraph().folded()) && first.paragraph().text().length() <= MAX_TITLE_LINE
                && profile.endsWithTitleSuffix(bare(first.paragraph().folded()))) {
            text = text + (profile.spacedWords() ? " " : "") + first.paragraph().text();
            continued = true;
        }
        String dateline = "";
        for (String end : datelineEnds) {
            int at = profile.fold(text).indexOf(end);
            if (at > 0 && at < MAX_DATELINE && profile.dates().dateline(profile.fold(text.substring(0, at + end.length()))).isPresent()) {
                dateline = profile.fold(text.substring(0, at + end.length()));
                text = text.substring(at + end.length()).strip();
                break;
            }
        }
        for (String note : titleNotes) {
            if (text.endsWith(note) && text.length() > note.length()) {
                text = text.substring(0, text.length() - note.length()).strip();
            }
        }
        return new Heading(withoutLabel(withoutHeadline(text)), continued ? 1 : 0, dateline);
    }

    /** "[Title] Joint Statement on …": a database copy's field label before the title is no part of it. */
    private String withoutLabel(String title) {
        for (String label : titleLabels) {
            if (title.startsWith(label) && title.length() > label.length()) {
                return title.substring(label.length()).strip();
            }
        }
        return title;
    }

    /**
     * The lines a spaced script's title was wrapped onto, from block {@code from} on: a short line without sentence
     * end, comma, colon or digit (no dateline, place or source line) that opens with a word that cannot end a title ({@code
     * word.never-last}: "on Comprehensive Strategic Partnership …"), or that is set in title case below a line
     * that does not end in the document type and was long enough to have been wrapped, or ended in such a word
     * ("… to a Comprehensive" over "Strategic Partnership"). A heading below a title that ends in its type
     * ("… Joint Statement" over "Trade and Investment") is no part of it.
     */
    private List<Paragraph> titleWrap(DocumentStructure structure, int from, Paragraph title) {
        List<Paragraph> lines = new ArrayList<>();
        if (!profile.spacedWords()) {
            return lines;
        }
        String above = title.folded().strip();
        for (int i = from; i < Math.min(structure.blocks().size(), from + MAX_TITLE_WRAPS); i++) {
            Block block = structure.blocks().get(i);
            String folded = block.paragraph().folded().strip();
            if (!(block instanceof Block.Prose) || folded.isEmpty() || folded.length() > MAX_TITLE_LINE
                    || endsASentence(folded) || profile.punctuation().endsLeadIn(folded.charAt(folded.length() - 1))
                    || folded.chars().anyMatch(c -> c == ',' || c == ':' || Character.isDigit(c))) {
                break;
            }
            String[] words = folded.split("\\s+");
            boolean opensOpen = neverLast.contains(words[0]);
            boolean aboveOpen = neverLast.contains(lastWord(above).toLowerCase(Locale.ROOT))
                    || above.length() >= MIN_WRAPPED_TITLE_LINE && !profile.endsWithTitleSuffix(bare(above));
            boolean titleCase = Character.isUpperCase(folded.charAt(0)) && java.util.Arrays.stream(words)
                    .allMatch(word -> Character.isUpperCase(word.charAt(0)) || neverLast.contains(word));
            if (!opensOpen && !(aboveOpen && titleCase)) {
                break;
            }
            lines.add(block.paragraph());
            above = folded;
        }
        return lines;
    }

    private static String lastWord(String folded) {
        int start = folded.length();
        while (start > 0 && !Character.isWhitespace(folded.charAt(start - 1))) {
            start--;
        }
        return folded.substring(start);
    }

    private static String joined(Paragraph title, List<Paragraph> wrapped) {
        StringBuilder text = new StringBuilder(title.text().strip());
        wrapped.forEach(line -> text.append(' ').append(line.text().strip()));
        return text.toString();
    }

    /**
     * "中日联合新闻公报：双方再确认…", "马中联合公报——深化互信": a news copy's headline after the document's own
     * title, behind a colon or a dash, is taken off (Chinese; a spaced script's title runs on past its type).
     */
    private String withoutHeadline(String text) {
        if (profile.spacedWords()) {
            return text;
        }
        String folded = profile.fold(text);
        for (int i = 1; i < folded.length() - 1; i++) {
            char c = folded.charAt(i);
            boolean separator = c == '：' || c == ':' || c == '—';
            if (separator && profile.endsWithTitleSuffix(folded.substring(0, i).strip())) {
                return text.substring(0, i).strip();
            }
        }
        return text;
    }

    /**
     * A news repost puts a headline, a lead ("…全文如下："), a source line or a wire dateline above the
     * document's own title: then the title is the last short line ending in a document type before the text's
     * first statement (a lead-in ending in a colon announces, it does not state). -1 when the title is where
     * the structure found it.
     */
    public int titleBelowRepostLines(DocumentStructure structure) {
        List<Block> blocks = structure.blocks();
        Paragraph first = structure.title();
        boolean firstIsTitle = first != null && namesTitleType(first.folded());
        int found = -1;
        boolean stated = false;
        for (int i = 0; i < Math.min(blocks.size(), MAX_REPOST_LINES); i++) {
            String folded = blocks.get(i).paragraph().folded();
            if (folded.isEmpty()) {
                continue;
            }
            if (blocks.get(i) instanceof Block.Prose && folded.length() <= MAX_TITLE_LINE && !endsASentence(folded)
                    && (profile.endsWithTitleSuffix(bare(folded))
                    || !stated && !profile.punctuation().endsLeadIn(folded.charAt(folded.length() - 1)) && namesTitleType(folded))) {
                found = i;
            } else if (endsASentence(folded) && !profile.punctuation().endsLeadIn(folded.charAt(folded.length() - 1))) {
                if (found >= 0) {
                    break;
                }
                stated = true;
            }
        }
        // Directly below a first line that may begin a title (no document type, no colon, no sentence end), the
        // line is the second half of a title of two lines.
        boolean firstHalf = first != null && !firstIsTitle && !endsASentence(first.folded())
                && first.folded().chars().noneMatch(c -> profile.punctuation().endsLeadIn((char) c))
                && !onlyADate(first.folded());
        return found == 0 && firstHalf ? -1 : found;
    }

    /** "16 Nov 2018" on a line of its own above the title: the page's date, not the first half of a title. */
    private boolean onlyADate(String folded) {
        String line = folded.strip();
        return line.length() <= MAX_DATELINE && line.split("\\s+").length <= MAX_DATE_WORDS
                && profile.dates().firstFullDate(line).isPresent();
    }

    /**
     * A wire dateline above the title, on a line of its own ("新华社北京11月1日电") or opening the repost's lead
     * ("中评社首尔7月3日电/…全文如下："), or "".
     */
    private String datelineAbove(DocumentStructure structure, int titleBlock) {
        List<Paragraph> above = new ArrayList<>();
        if (structure.title() != null) {
            above.add(structure.title());
        }
        structure.blocks().subList(0, titleBlock).forEach(block -> above.add(block.paragraph()));
        for (Paragraph line : above) {
            String head = line.folded().substring(0, Math.min(line.folded().length(), MAX_DATELINE));
            if (profile.dates().dateline(head).isPresent()) {
                return head;
            }
        }
        return "";
    }

    /**
     * Whether a line names its document type: ends in it, or, in a spaced script, names it as whole words in title
     * case anywhere ("Joint Statement Following the July 31 Meeting", "Japan-India Joint Statement: …"), as English
     * titles put the type first; a headline writes it in lower case ("… issue joint statement").
     */
    private boolean namesTitleType(String folded) {
        if (profile.endsWithTitleSuffix(bare(folded))) {
            return true;
        }
        return profile.spacedWords() && profile.titleSuffixes().stream().anyMatch(type -> {
            int at = folded.indexOf(type);
            while (at >= 0) {
                int end = at + type.length();
                if ((at == 0 || !Character.isLetter(folded.charAt(at - 1)))
                        && (end == folded.length() || !Character.isLetter(folded.charAt(end)))) {
                    return true;
                }
                at = folded.indexOf(type, at + 1);
            }
            return false;
        });
    }

    /** A folded title without a note after it ("…联合声明（全文）"). */
    private String bare(String folded) {
        for (String note : titleNotes) {
            if (folded.endsWith(note)) {
                return folded.substring(0, folded.length() - note.length()).strip();
            }
        }
        return folded;
    }

    /**
     * The first running paragraph after the title (its second line, a repost's own title) that states something
     * (ends a sentence), as a dateline ("New Delhi, 9-10 September 2023", "（2009年10月30日，堪培拉）"), a heading
     * ("Preamble") or a caption may stand before it.
     */
    private Optional<Paragraph> opening(DocumentStructure structure, int from) {
        for (Block block : structure.blocks().subList(Math.min(from, structure.blocks().size()), structure.blocks().size())) {
            if (block instanceof Block.Prose && endsASentence(block.paragraph().folded())) {
                return Optional.of(block.paragraph());
            }
        }
        return Optional.empty();
    }

    private boolean endsASentence(String folded) {
        for (int i = 0; i < folded.length(); i++) {
            if (profile.punctuation().endsSentenceAt(folded, i)) {
                return true;
            }
        }
        return false;
    }

    private LocalDate date(SourceDocument source, DocumentStructure structure, String openingFolded, String titleDateline) {
        Optional<LocalDate> signedOn = signOffDate(structure).or(() -> doneOn(structure))
                .or(() -> signedAtAbove(structure, openingFolded));
        if (signedOn.isPresent()) {
            return signedOn.get();
        }
        // A dateline of its own before the opening ("Moscow, 21 March 2023", "二〇〇九年十一月十七日，北京")
        // dates the document, which may have been adopted on the last day of the meeting the opening dates.
        for (Block block : structure.from(titleBelowRepostLines(structure) + 1).blocks()) {
            if (block.paragraph().folded().equals(openingFolded)) {
                break;
            }
            Optional<LocalDate> dateline = profile.dates().firstFullDate(block.paragraph().folded());
            if (dateline.isPresent()) {
                return dateline.get();
            }
        }
        Optional<LocalDate> copied = titleOrPageDate(structure, openingFolded);
        if (copied.isPresent()) {
            return copied.get();
        }
        Optional<LocalDate> written = profile.dates().firstFullDate(openingFolded);
        // A wire dateline ("新华社北京7月12日电") says the day the statement was issued, which the opening's
        // visit ("7月9日至15日") may only contain; the year is the one the text writes.
        Optional<MonthDay> dateline = profile.dates().dateline(titleDateline + openingFolded);
        Integer year = written.isPresent() ? Integer.valueOf(written.get().getYear())
                : source.publicationDate() != null ? Integer.valueOf(source.publicationDate().getYear())
                : yearWritten(structure);
        if (dateline.isPresent() && year != null) {
            return dateline.get().atYear(year);
        }
        if (written.isPresent()) {
            return written.get();
        }
        return source.publicationDate();
    }

    /**
     * The date a copy gives above its opening: in its title ("…Декларация … (28 ноября 2024 года)") or as a web
     * page's numeric date on a line of its own ("2017-11-01 16:41:56  新华社"), the day the statement was issued;
     * the opening's date may be the first day of the visit.
     */
    private Optional<LocalDate> titleOrPageDate(DocumentStructure structure, String openingFolded) {
        List<Paragraph> above = new ArrayList<>();
        if (structure.title() != null) {
            above.add(structure.title());
        }
        for (Block block : structure.blocks()) {
            if (block.paragraph().folded().equals(openingFolded)) {
                break;
            }
            above.add(block.paragraph());
        }
        int ownTitle = titleBelowRepostLines(structure);
        Paragraph title = ownTitle >= 0 ? structure.blocks().get(ownTitle).paragraph() : structure.title();
        Optional<LocalDate> inTitle = title == null ? Optional.empty() : profile.dates().firstFullDate(title.folded());
        if (inTitle.isPresent()) {
            return inTitle;
        }
        for (Paragraph line : above) {
            Matcher page = PAGE_DATE.matcher(line.folded());
            if (page.find()) {
                try {
                    return Optional.of(LocalDate.of(Integer.parseInt(page.group(1)), Integer.parseInt(page.group(3)),
                            Integer.parseInt(page.group(4))));
                } catch (java.time.DateTimeException notADate) {
                    // "2019/13/40" is no date; the lines below may still give one
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The date a closing line gives ("2019年7月23日于北京", "Москва, 13 марта 2025 года"): a short paragraph
     * among the last two with a full date, which says when the text was signed or issued.
     */
    private Optional<LocalDate> signOffDate(DocumentStructure structure) {
        List<Block> blocks = structure.blocks();
        int maxLength = profile.spacedWords() ? MAX_SPACED_SIGN_OFF : MAX_SIGN_OFF;
        for (int i = blocks.size() - 1; i >= Math.max(0, blocks.size() - 2); i--) {
            Paragraph paragraph = blocks.get(i).paragraph();
            ClauseOpenings.Opening statement = profile.openings().at(paragraph.folded(), 0);
            boolean closingLine = statement.subject() == null && statement.verb() == null
                    && !endsASentence(paragraph.folded().substring(0, Math.max(0, paragraph.folded().length() - 1)));
            if (blocks.get(i) instanceof Block.Prose && closingLine && paragraph.text().length() <= maxLength) {
                Optional<LocalDate> date = profile.dates().firstFullDate(paragraph.folded());
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * "Done at Lima on 3 June 2021 in duplicate …": the line that opens with a signing formula
     * ({@code date.done}), the last such in the text, says when the text was signed, whatever dates its preamble
     * names ("Guided by the Treaty of 1997 …").
     */
    private Optional<LocalDate> doneOn(DocumentStructure structure) {
        List<Block> blocks = structure.blocks();
        for (int i = blocks.size() - 1; i >= 0 && !doneFormulas.isEmpty(); i--) {
            String folded = blocks.get(i).paragraph().folded();
            String lower = folded.toLowerCase(Locale.ROOT);
            if (doneFormulas.stream().anyMatch(formula -> lower.startsWith(formula + " "))) {
                Optional<LocalDate> date = profile.dates().firstFullDate(folded);
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * "2024年4月10日于北京" on a line of its own anywhere above the opening (a copy may repeat its title around
     * it): the day the text was signed, which the opening's visit may only contain.
     */
    private Optional<LocalDate> signedAtAbove(DocumentStructure structure, String openingFolded) {
        for (Block block : structure.blocks()) {
            String folded = block.paragraph().folded();
            if (folded.equals(openingFolded)) {
                break;
            }
            if (folded.length() <= MAX_SIGN_OFF && signedAt.stream().anyMatch(folded::contains)) {
                Optional<LocalDate> date = profile.dates().firstFullDate(folded);
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The year a dateline without one ("…11月30日电") stands in: that of the first full date the text writes
     * (the meeting's), else the year it writes most; a year it recalls ("1984年建交") is no guide on its own.
     */
    private Integer yearWritten(DocumentStructure structure) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (Block block : structure.blocks()) {
            Optional<LocalDate> full = profile.dates().firstFullDate(block.paragraph().folded());
            if (full.isPresent()) {
                return full.get().getYear();
            }
            for (TimeSpan span : profile.dates().find(block.paragraph().text(), block.paragraph().folded(), null)) {
                if (span.start() != null) {
                    counts.merge(span.start().getYear(), 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream().max(java.util.Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(java.util.Map.Entry.comparingByKey())).map(java.util.Map.Entry::getKey).orElse(null);
    }

    /**
     * The paragraph after the opening that ends a sentence: a news copy's lead ("Президенты России и Узбекистана
     * подписали …") when the opening was its subtitle. Empty when there is none.
     */
    private String leadAfter(DocumentStructure structure, Paragraph opening) {
        boolean passed = false;
        for (Block block : structure.blocks()) {
            if (passed && block instanceof Block.Prose && endsASentence(block.paragraph().folded())) {
                return block.paragraph().folded();
            }
            passed |= block.paragraph() == opening;
        }
        return "";
    }

    /**
     * States named in full in the opening's first sentence (who met), else in the whole opening, else the
     * compound of short forms the title starts with ("中俄…"), else the states the title names. At least two:
     * a declaration of an organisation's members (G20, APEC) names its host alone, and binds no listed states; nor
     * does a grouping's whose opening names as many members as {@code parties.grouping-states} and the grouping. A news copy whose
     * subtitle names none takes them from its lead. Ordered as the title names them.
     */
    private List<String> parties(String openingFolded, String titleFolded, String leadFolded) {
        // The issuer first: the state the title names first ("中华民国与…联合公报", whose "我国" is Taiwan).
        List<String> titleOrder = countries.namedIn(titleFolded);
        return partiesAsNamed(openingFolded, titleFolded, leadFolded).stream()
                .sorted(java.util.Comparator.comparingInt(code -> titleOrder.contains(code) ? titleOrder.indexOf(code) : titleOrder.size()))
                .toList();
    }

    private List<String> partiesAsNamed(String openingFolded, String titleFolded, String leadFolded) {
        List<String> whoMet = whoMet(openingFolded);
        if (groupingMet(openingFolded, whoMet)) {
            // "Мы, лидеры Бразилии, России, Индии, Китая, ЮАР … на саммите БРИКС": the members of a grouping met; its
            // declaration binds them as the organisation, not as parties named one by one.
            return List.of();
        }
        if (whoMet.size() >= 2) {
            return whoMet;
        }
        List<String> named = statesNamedIn(openingFolded);
        if (named.size() >= 2) {
            return named;
        }
        List<String> compound = countries.compoundAt(titleFolded, 0, named);
        if (!compound.isEmpty()) {
            return compound;
        }
        List<String> inTitle = statesNamedIn(titleFolded);
        if (inTitle.size() >= 2) {
            return inTitle;
        }
        // A news copy's subtitle states a pledge of "Стороны" without naming them; its lead says who met.
        List<String> inLead = whoMet(leadFolded);
        return inLead.size() >= 2 && !groupingMet(leadFolded, inLead) ? inLead : List.of();
    }

    /**
     * Whether a paragraph's first sentence says that a grouping's members met: as many states as
     * {@code parties.grouping-states} and an organisation (a summit of six states that forms none binds them).
     */
    private boolean groupingMet(String folded, List<String> whoMet) {
        return groupingStates > 0 && whoMet.size() >= groupingStates && !organisations.namedIn(firstSentence(folded)).isEmpty();
    }

    /** The states named in a paragraph's first sentence. */
    private List<String> whoMet(String folded) {
        return statesNamedIn(firstSentence(folded));
    }

    /**
     * The states a text names as taking part: a state right after a preposition of topic is what a statement is
     * about ("Главы Казахстана и Киргизии подписали заявление по Афганистану"), not one who met.
     */
    private List<String> statesNamedIn(String folded) {
        if (topicPrepositions.isEmpty()) {
            return countries.namedIn(folded);
        }
        char[] kept = folded.toCharArray();
        for (int at = 0; at < folded.length(); at++) {
            if (at > 0 && Character.isLetterOrDigit(folded.charAt(at - 1))) {
                continue;
            }
            for (String preposition : topicPrepositions) {
                int after = at + preposition.length();
                if (!folded.startsWith(preposition, at) || after >= folded.length() || !Character.isWhitespace(folded.charAt(after))) {
                    continue;
                }
                int name = after;
                while (name < folded.length() && Character.isWhitespace(folded.charAt(name))) {
                    name++;
                }
                String[] state = countries.subjectAt(folded, name);
                if (state != null) {
                    java.util.Arrays.fill(kept, name, name + Integer.parseInt(state[1]), ' ');
                }
            }
        }
        return countries.namedIn(new String(kept));
    }

    private String firstSentence(String folded) {
        int firstEnd = 0;
        while (firstEnd < folded.length() && !profile.punctuation().endsSentenceAt(folded, firstEnd)) {
            firstEnd++;
        }
        return folded.substring(0, Math.min(folded.length(), firstEnd + 1));
    }

    /**
     * Names after office titles in the signature block that closes the text, else in the sentence that says who
     * signed, else in the opening.
     */
    private List<String> signatories(DocumentStructure structure, Optional<Paragraph> opening) {
        List<Block> blocks = structure.blocks();
        List<String> undersigned = signatureBlock(blocks);
        if (!undersigned.isEmpty()) {
            return undersigned;
        }
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Paragraph paragraph = blocks.get(i).paragraph();
            if (signingVerbs.stream().anyMatch(paragraph.folded()::contains)) {
                List<String> names = namesAfterOffices(paragraph.text(), paragraph.folded());
                if (!names.isEmpty()) {
                    return names;
                }
            }
        }
        return opening.map(p -> namesAfterOffices(p.text(), p.folded())).orElse(List.of());
    }

    /**
     * "Президент Российской Федерации В.Путин" beside or under "Председатель … Си Цзиньпин": in a spaced script,
     * the short lines that close the text without stating anything, an office, its state and a name each (the
     * name on the line below its office or on the same one), read as one run.
     */
    private List<String> signatureBlock(List<Block> blocks) {
        if (!profile.spacedWords()) {
            return List.of();
        }
        StringBuilder text = new StringBuilder();
        StringBuilder folded = new StringBuilder();
        for (int i = blocks.size() - 1; i > 0 && i >= blocks.size() - MAX_SIGNATURE_LINES; i--) {
            Paragraph line = blocks.get(i).paragraph();
            ClauseOpenings.Opening statement = profile.openings().at(line.folded(), 0);
            if (line.text().length() > MAX_SPACED_SIGN_OFF || statement.verb() != null) {
                break;
            }
            text.insert(0, line.text() + " ");
            folded.insert(0, line.folded() + " ");
        }
        List<String> names = namesAfterSpacedOffices(text.toString(), folded.toString());
        // Offices side by side over their names ("Президент …   Председатель …" then "В.Путин   Си Цзиньпин"):
        // the names cannot be told apart once the line is read, so the block names nobody.
        return names.size() == officesIn(folded.toString()) ? names : List.of();
    }

    private int officesIn(String folded) {
        int count = 0;
        for (int i = 0; i < folded.length(); i++) {
            boolean wordStart = i == 0 || !Character.isLetter(folded.charAt(i - 1));
            String office = wordStart ? Lexicon.prefixAt(folded, i, offices) : null;
            if (office != null && (i + office.length() == folded.length() || folded.charAt(i + office.length()) == ' ')) {
                count++;
                i += office.length() - 1;
            }
        }
        return count;
    }

    private List<String> namesAfterOffices(String text, String folded) {
        if (profile.spacedWords()) {
            return namesAfterSpacedOffices(text, folded);
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < folded.length(); i++) {
            if (officeInitials.indexOf(folded.charAt(i)) < 0) {
                continue;
            }
            String office = Lexicon.prefixAt(folded, i, offices);
            if (office == null) {
                continue;
            }
            int start = i + office.length();
            int end = start;
            while (end < folded.length() && end - start <= MAX_NAME_LENGTH && Lexicon.prefixAt(folded, end, nameEnds) == null
                    && isNameChar(folded.charAt(end))) {
                end++;
            }
            boolean delimited = end < folded.length() && Lexicon.prefixAt(folded, end, nameEnds) != null;
            if (delimited && end - start >= 2 && end - start <= MAX_NAME_LENGTH) {
                names.add(text.substring(start, end));
                i = end - 1;
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * In a spaced script: an office as a whole word ("President", "Председатель"), optionally its state ("of the
     * Russian Federation", "КНР"), then a name of up to four capitalised words or initials ("Xi Jinping",
     * "В.В. Путин"), ended by anything else ("and", "и", a comma, a lowercase word).
     */
    private List<String> namesAfterSpacedOffices(String text, String folded) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < folded.length(); i++) {
            if (officeInitials.indexOf(folded.charAt(i)) < 0 || (i > 0 && Character.isLetter(folded.charAt(i - 1)))) {
                continue;
            }
            String office = Lexicon.prefixAt(folded, i, offices);
            int j = office == null ? -1 : i + office.length();
            if (j < 0 || j >= folded.length() || folded.charAt(j) != ' ') {
                continue;
            }
            j = skipSpaces(folded, j);
            int k = j;
            for (String of : officeStates) {
                if (folded.startsWith(of, k)) {
                    k = skipSpaces(folded, k + of.length());
                    break;
                }
            }
            String[] state = countries.subjectAt(folded, k);
            if (state != null) {
                int after = k + Integer.parseInt(state[1]);
                if (after < folded.length() && folded.charAt(after) == ' ') {
                    j = skipSpaces(folded, after);
                }
            }
            int end = nameEnd(folded, j);
            if (end > j) {
                names.add(text.substring(j, end));
                i = end - 1;
            }
        }
        return new ArrayList<>(names);
    }

    private static int skipSpaces(String s, int at) {
        while (at < s.length() && s.charAt(at) == ' ') {
            at++;
        }
        return at;
    }

    /**
     * The end of a name of capitalised words and initials at {@code start}, before the next office ("В.Путин
     * Председатель …" in a signature block); {@code start} if none.
     */
    private int nameEnd(String s, int start) {
        int at = start;
        int end = start;
        int words = 0;
        boolean fullWord = false;
        while (at < s.length() && words < 4 && Character.isUpperCase(s.charAt(at)) && Lexicon.prefixAt(s, at, offices) == null) {
            int k = at + 1;
            if (k < s.length() && s.charAt(k) == '.') {
                end = k + 1; // an initial
                at = k + 1 < s.length() && s.charAt(k + 1) == ' ' ? k + 2 : k + 1;
                words++;
                continue;
            }
            while (k < s.length() && (Character.isLetter(s.charAt(k)) || ((s.charAt(k) == '-' || s.charAt(k) == '\'')
                    && k + 1 < s.length() && Character.isLetter(s.charAt(k + 1))))) {
                k++;
            }
            if (k - at < 2) {
                break;
            }
            end = k;
            fullWord = true;
            words++;
            at = k < s.length() && s.charAt(k) == ' ' ? k + 1 : k;
            if (at == k) {
                break;
            }
        }
        return fullWord ? end : start;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetter(c) || c == '\u00B7' || c == '\u30FB';
    }

    /** In a spaced script, where the last meeting noun of what was held ends ("the XV BRICS Summit| in …"). */
    private int lastNounEnd(String held) {
        int best = -1;
        for (String noun : meetingNouns) {
            for (int at = held.indexOf(noun); at >= 0; at = held.indexOf(noun, at + 1)) {
                int end = at + noun.length();
                if ((end == held.length() || !Character.isLetter(held.charAt(end))) && end > best) {
                    best = end;
                }
            }
        }
        return best;
    }

    /** What the opening says was held ("举行X"), else the title without its document type. */
    private String meeting(Paragraph opening, String titleText, String titleFolded) {
        if (opening != null) {
            String folded = opening.folded();
            for (String verb : meetingVerbs) {
                int at = folded.indexOf(verb);
                if (at >= 0) {
                    int start = at + verb.length();
                    int end = start;
                    while (end < folded.length() && !profile.punctuation().endsSentence(folded.charAt(end))
                            && !profile.punctuation().breaksClause(folded.charAt(end))) {
                        end++;
                    }
                    String held = folded.substring(start, end);
                    if (meetingNouns.stream().anyMatch(held::endsWith)) {
                        return opening.text().substring(start, end).strip();
                    }
                    int nounEnd = profile.spacedWords() ? lastNounEnd(held) : -1;
                    if (nounEnd > 0) {
                        return opening.text().substring(start, start + nounEnd).strip();
                    }
                }
            }
        }
        if (titleText == null) {
            return null;
        }
        // A title that ends its name in a meeting noun before the suffix ("…峰会宣言") names the meeting; "…关于…的联合声明" none.
        for (String suffix : profile.titleSuffixes()) {
            if (titleFolded.endsWith(suffix) && titleFolded.length() > suffix.length()) {
                String named = titleFolded.substring(0, titleFolded.length() - suffix.length()).strip();
                return meetingNouns.stream().anyMatch(named::endsWith)
                        ? titleText.substring(0, titleText.length() - suffix.length()).strip() : null;
            }
        }
        return null;
    }
}
