package org.commitmenttracker.extraction.engine.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.commitmenttracker.extraction.engine.language.ClauseOpenings;
import org.commitmenttracker.extraction.engine.language.LanguageProfile;
import org.commitmenttracker.extraction.engine.language.Punctuation;
import org.commitmenttracker.extraction.engine.text.Paragraph;

/**
 * Puts recovered paragraphs into parts and lists. A list's kind comes from its lead-in, the sentence ending in a
 * colon just before it: a signing ("签署…：") makes a list of signed documents, an agreement cue
 * ("双方商定：", "We commit to:") a list of commitments. In a spaced script the cue must open a clause of the
 * lead-in with its subject ("We commit to:", not "We welcome the commitments of:").
 */
public final class StructureParser {
    private static final int PLEDGE_OBJECT_WORDS = 4;
    private final Punctuation punctuation;
    private final List<String> agreementCues;
    private final List<String> signingCues;
    private final List<String> completions;
    private final List<String> infinitiveEndings;
    private final List<String> planTitles;
    private final List<String> planSelves;
    private final List<String> pledgeVerbs;
    private final List<String> pledgeNouns;
    private final List<String> jointObjects;
    private final List<String> referring;
    private final List<String> infinitiveMarkers;
    private final List<String> notVerbs;
    private final List<String> notVerbEndings;
    private final LanguageProfile profile;

    public StructureParser(LanguageProfile profile) {
        this.profile = profile;
        this.punctuation = profile.punctuation();
        this.agreementCues = profile.lexicon().list("list.agreement");
        this.signingCues = profile.lexicon().list("list.signing");
        this.completions = profile.lexicon().listOrEmpty("list.completion");
        this.infinitiveEndings = profile.lexicon().listOrEmpty("item.infinitive-ending");
        this.planTitles = profile.lexicon().listOrEmpty("list.plan-title");
        this.planSelves = profile.lexicon().listOrEmpty("list.plan-self");
        this.pledgeVerbs = profile.lexicon().listOrEmpty("pledge.verb");
        this.pledgeNouns = profile.lexicon().listOrEmpty("list.pledge-noun");
        this.jointObjects = profile.lexicon().listOrEmpty("list.joint-object");
        this.referring = profile.lexicon().listOrEmpty("list.referring");
        this.infinitiveMarkers = profile.lexicon().listOrEmpty("item.infinitive-marker");
        this.notVerbs = profile.lexicon().listOrEmpty("item.not-verb");
        this.notVerbEndings = profile.lexicon().listOrEmpty("item.not-verb-ending");
    }

    public DocumentStructure parse(List<Paragraph> paragraphs) {
        Paragraph title = null;
        List<Block> blocks = new ArrayList<>();
        Integer section = null;
        ListKind list = ListKind.UNMARKED;
        String leadIn = null;
        // An agreement lead-in standing as a paragraph of its own ("WE HEREBY DECLARE:") opens the operative
        // part: it governs the items that follow, across headings and prose, up to the next numbered unit.
        String governing = null;
        // One running paragraph between two items of a list (a sentence the layout split off an item, or one said
        // in passing) does not end it; a second one, a heading or a lead-in does.
        boolean bridging = false;
        // Right after an agreement lead-in, paragraphs without a marker that go on from it ("双方商定：" then one
        // agreed action a line, "Стороны договорились:" then infinitives) are its items, until one states
        // something with a subject of its own.
        boolean unmarkedItems = false;
        boolean parts = false;
        // A numbered paragraph under a governing lead-in ("договорились о следующем:" then "1. Укреплять …",
        // headings between): its text is the list's next item when it goes on from the lead-in.
        boolean numberedUnderLeadIn = false;
        boolean plan = false;
        // A numbered paragraph of a plan ("1." over "Promote …;"): an action of the plan when it goes on as one.
        boolean numberedInPlan = false;
        for (Paragraph paragraph : paragraphs) {
            switch (paragraph.role()) {
                case TITLE -> {
                    title = paragraph;
                    // An action plan is its list of agreed actions: items need no lead-in to be agreed.
                    plan = namesPlan(paragraph.folded(), false);
                }
                case HEADING -> {
                    // Numbered paragraphs are the sections of a document without parts ("12." in a declaration);
                    // where it has parts ("II."), the part is the section and its paragraphs only end lists.
                    parts |= paragraph.level() == 1;
                    if (paragraph.level() == 1 || !parts) {
                        section = paragraph.number();
                    }
                    list = ListKind.UNMARKED;
                    leadIn = null;
                    numberedUnderLeadIn = governing != null && paragraph.level() == 2;
                    numberedInPlan = plan && paragraph.level() == 2;
                    governing = numberedUnderLeadIn ? governing : null;
                    bridging = false;
                    unmarkedItems = false;
                }
                case PROSE -> {
                    String own = leadIn(paragraph.folded());
                    boolean numbered = numberedUnderLeadIn;
                    numberedUnderLeadIn = false;
                    if (!plan && blocks.isEmpty()) {
                        // An excerpt (or a page whose title is the site's) that opens on the plan itself ("This
                        // Plan of Action sets out …", "PLAN OF ACTION ON RIVER TRANSPORT …") is a plan as well.
                        plan = namesPlan(paragraph.folded(), true);
                    }
                    boolean planAction = numberedInPlan && own == null && planAction(paragraph.folded());
                    numberedInPlan = false;
                    if (planAction) {
                        blocks.add(new Block.Item(section, paragraph, ListKind.AGREED, null));
                        continue;
                    }
                    if (numbered && own == null && goesOnFrom(paragraph.folded())) {
                        blocks.add(new Block.Item(section, paragraph, ListKind.AGREED, governing));
                        continue;
                    }
                    if (numbered) {
                        // A numbered paragraph that states something of its own: the operative list has ended.
                        governing = null;
                    }
                    if (unmarkedItems && own == null && continuesLeadIn(paragraph.folded(), leadIn)) {
                        blocks.add(new Block.Item(section, paragraph, list, leadIn));
                        continue;
                    }
                    unmarkedItems = own != null
                            && (kindOf(own) == ListKind.AGREED || profile.openings().subjectAlone(own) != null);
                    blocks.add(new Block.Prose(section, paragraph));
                    boolean bridged = bridging && own == null;
                    bridging = false;
                    if (bridged) {
                        continue;
                    }
                    leadIn = own;
                    list = leadIn == null ? ListKind.UNMARKED : kindOf(leadIn, paragraph.folded(), list);
                    if (leadIn != null) {
                        governing = list == ListKind.AGREED && leadIn.length() == paragraph.folded().length() ? leadIn : null;
                    } else if (governing != null) {
                        list = ListKind.AGREED;
                        leadIn = governing;
                    }
                }
                case BULLET -> {
                    String own = profile.spacedWords() ? null : leadIn(paragraph.folded());
                    if (own != null && own.length() == paragraph.folded().length()) {
                        // "（二）…内涵是：": an item that only leads in is no item but the lead-in of the items
                        // under it, agreed when it says so or when the list it stands in is. Not in spaced
                        // scripts, whose agreed items say what is agreed even when sub-items follow ("a. to
                        // address all issues, including:").
                        blocks.add(new Block.Prose(section, paragraph));
                        unmarkedItems = false;
                        bridging = false;
                        if (kindOf(own) != ListKind.UNMARKED || list == ListKind.UNMARKED) {
                            list = kindOf(own);
                            leadIn = own;
                        }
                        continue;
                    }
                    unmarkedItems = false;
                    if (plan && list == ListKind.UNMARKED && leadIn == null && groupHeading(paragraph.folded())) {
                        // "（一）深化政治安全对话和合作" over "1.举行…；": a plan's group of actions under a heading
                        // that ends in no punctuation; its numbered actions follow.
                        blocks.add(new Block.Prose(section, paragraph));
                        bridging = false;
                        continue;
                    }
                    ListKind kind = list == ListKind.UNMARKED && leadIn == null && plan ? ListKind.AGREED : list;
                    blocks.add(new Block.Item(section, paragraph, kind, leadIn));
                    bridging = list != ListKind.UNMARKED;
                }
            }
        }
        return new DocumentStructure(title, blocks);
    }

    /**
     * Whether a paragraph goes on from the lead-in before it: it names no subject and reports nothing (after a
     * lead-in that ends with its subject, "Стороны:", an item may report: "подчеркнули …;"), and in a spaced
     * script it opens in lower case ("развивать …;", "strengthen …;").
     */
    private boolean continuesLeadIn(String folded, String leadIn) {
        ClauseOpenings.Opening opening = profile.openings().at(folded, 0);
        boolean reports = opening.verb() == ClauseOpenings.Verb.REPORTING && profile.openings().subjectAlone(leadIn) == null;
        if (opening.subject() != null || reports || folded.isEmpty()) {
            return false;
        }
        return !profile.spacedWords() || Character.isLowerCase(folded.charAt(0))
                || endsOnInfinitiveMarker(leadIn) && opensOnBareVerb(folded);
    }

    /** "… includes commitments to:": the lead-in leaves its infinitive open for the items to finish. */
    private boolean endsOnInfinitiveMarker(String leadIn) {
        String words = leadIn.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+", " ").strip();
        return infinitiveMarkers.stream().anyMatch(marker -> words.endsWith(" " + marker));
    }

    /**
     * "Expand the partnership …": a capitalised word in lower case after its capital, neither a word of
     * {@code item.not-verb} (articles, pronouns, prepositions) nor ending in {@code item.not-verb-ending}.
     */
    private boolean opensOnBareVerb(String folded) {
        int end = 0;
        while (end < folded.length() && Character.isLetter(folded.charAt(end))) {
            end++;
        }
        if (end < 2 || !Character.isUpperCase(folded.charAt(0)) || !Character.isLowerCase(folded.charAt(1))) {
            return false;
        }
        String word = folded.substring(0, end).toLowerCase(Locale.ROOT);
        return !notVerbs.contains(word) && notVerbEndings.stream().noneMatch(word::endsWith);
    }

    /**
     * Whether a title names a plan, or (at its start, for a text whose first paragraph is no title) an opening
     * paragraph names the plan it opens ("This Plan of Action …", {@code list.plan-self}).
     */
    private boolean namesPlan(String folded, boolean atStart) {
        String lower = folded.toLowerCase(Locale.ROOT);
        return planTitles.stream().map(name -> name.toLowerCase(Locale.ROOT)).anyMatch(name -> atStart
                ? lower.startsWith(name) || planSelves.stream().anyMatch(self -> lower.startsWith(self + " " + name))
                : lower.contains(name));
    }

    /**
     * Whether a marked item of a plan is the heading of a group of its actions: in a script without spaces, a
     * line that ends in no punctuation at all. Spaced scripts keep such items, as news copies list actions
     * without punctuation.
     */
    private boolean groupHeading(String folded) {
        String trimmed = folded.strip();
        if (profile.spacedWords() || trimmed.isEmpty()) {
            return false;
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        return !punctuation.mayPrecedeItem(last) && !punctuation.breaksClause(last) && !punctuation.endsSentence(last);
    }

    /**
     * Whether a numbered paragraph of a plan is one of its actions: it names no subject, reports nothing and ends
     * with an item's separator ("2. Strengthen the rule of law …;"), as the actions of one enumeration do; a
     * paragraph that ends its sentence ("3. The Plan will be reviewed …") is the plan's text.
     */
    private boolean planAction(String folded) {
        String trimmed = folded.strip();
        if (trimmed.isEmpty() || !punctuation.endsItem(trimmed.charAt(trimmed.length() - 1))) {
            return false;
        }
        ClauseOpenings.Opening opening = profile.openings().at(trimmed, 0);
        return opening.subject() == null && opening.verb() != ClauseOpenings.Verb.REPORTING;
    }

    /**
     * Whether a numbered paragraph's text goes on from the lead-in: no subject of its own, nothing reported, and
     * its first word an infinitive, in a language that marks the infinitive by its ending
     * ({@code item.infinitive-ending}: "Укреплять …"), so "4. Государства отмечают …" is a statement of its own.
     */
    private boolean goesOnFrom(String folded) {
        ClauseOpenings.Opening opening = profile.openings().at(folded, 0);
        if (folded.isEmpty() || opening.subject() != null || opening.verb() == ClauseOpenings.Verb.REPORTING) {
            return false;
        }
        if (infinitiveEndings.isEmpty()) {
            // without the mark, a numbered paragraph whose subject the lexicon does not know ("5. The two
            // secretaries also …") would pass for an item
            return false;
        }
        int end = 0;
        while (end < folded.length() && Character.isLetter(folded.charAt(end))) {
            end++;
        }
        String word = folded.substring(0, end).toLowerCase(Locale.ROOT);
        return infinitiveEndings.stream().anyMatch(word::endsWith);
    }

    /** The last sentence of a paragraph that ends in a colon, or null. */
    private String leadIn(String folded) {
        if (folded.isEmpty() || !punctuation.endsLeadIn(folded.charAt(folded.length() - 1))) {
            return null;
        }
        int start = folded.length() - 1;
        while (start > 0 && !punctuation.endsSentenceAt(folded, start - 1)) {
            start--;
        }
        return folded.substring(start);
    }

    /**
     * The kind of a lead-in's list. One that only points back ({@code list.referring}: "These include:", "This
     * includes:") lists parts of what it points at: the sentence before it in its paragraph ("The three countries
     * committed to coordinate their actions. These include:"), or, standing alone, the item above it in the list in
     * force ({@code current}: "1. Reform of …" under "Heads agreed to the following:", then "This includes:").
     */
    private ListKind kindOf(String leadIn, String paragraph, ListKind current) {
        if (!refersBack(leadIn)) {
            return kindOf(leadIn);
        }
        int start = paragraph.length() - leadIn.length();
        if (start == 0) {
            return current;
        }
        int before = start - 1;
        while (before > 0 && !punctuation.endsSentenceAt(paragraph, before - 1)) {
            before--;
        }
        return kindOf(paragraph.substring(before, start));
    }

    private boolean refersBack(String leadIn) {
        String words = leadIn.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+", " ").strip();
        return referring.contains(words);
    }

    private ListKind kindOf(String leadIn) {
        if (signingCues.stream().anyMatch(leadIn::contains)) {
            return ListKind.SIGNED;
        }
        // A lead-in whose subject pledges the list ("we will:", "双方将…，致力于实现以下目标：") agrees it, as one that
        // names an agreement does (the fallback of opensWithCommitment).
        return opensWithCommitment(leadIn) ? ListKind.AGREED : ListKind.UNMARKED;
    }

    /** Whether the word before the lead-in's colon at {@code colon} leaves the sentence for the items to finish. */
    private boolean endsWithCompletion(String leadIn, int colon) {
        int end = colon;
        while (end > 0 && Character.isWhitespace(leadIn.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(leadIn.charAt(start - 1))) {
            start--;
        }
        String word = leadIn.substring(start, end);
        return completions.stream().anyMatch(word::equalsIgnoreCase);
    }

    private static boolean endsWith(String text, int end, String suffix) {
        return end >= suffix.length() && text.startsWith(suffix, end - suffix.length());
    }

    /** Whether a clause of the lead-in opens with a subject (or continues one) and a verb of commitment. */
    private boolean opensWithCommitment(String leadIn) {
        int clauseStart = 0;
        boolean subjectSeen = false;
        for (int i = 0; i <= leadIn.length(); i++) {
            if (i == leadIn.length() || punctuation.breaksClause(leadIn.charAt(i))) {
                ClauseOpenings.Opening opening = profile.openings().at(leadIn, clauseStart);
                boolean owned = opening.subject() != null || opening.joined() || subjectSeen;
                if (opening.verb() == ClauseOpenings.Verb.COMMITMENT && owned) {
                    return true;
                }
                int clauseEnd = i;
                if (owned && opening.verb() != ClauseOpenings.Verb.REPORTING
                        && jointObjects.stream().anyMatch(object -> endsWith(leadIn, clauseEnd, object))) {
                    // "两党共同促进以下工作：", "双方达成如下共识：": the parties take on the work or points that follow;
                    // "双方强调以下几点：" reports them.
                    return true;
                }
                if (i == leadIn.length() - 1 && opening.subject() != null && opening.verb() == null
                        && endsWithCompletion(leadIn, i)) {
                    // "We are:", "We are taking steps to:": the items complete what the subject does.
                    return true;
                }
                subjectSeen |= opening.subject() != null && opening.verb() == null;
                clauseStart = i + 1;
            }
        }
        String lower = leadIn.toLowerCase(Locale.ROOT);
        return agreementCues.stream().anyMatch(cue -> lower.contains(cue.toLowerCase(Locale.ROOT)))
                || renewsPledges(lower);
    }

    /**
     * "…the declaration reaffirms the political commitments of the parties:": a pledge verb whose object, within
     * {@value #PLEDGE_OBJECT_WORDS} words, names pledges ({@code list.pledge-noun}); the items are those pledges.
     * A welcome of others' commitments has no pledge verb.
     */
    private boolean renewsPledges(String lower) {
        if (pledgeNouns.isEmpty()) {
            return false;
        }
        String[] words = lower.split("[^\\p{L}]+");
        for (int i = 0; i < words.length; i++) {
            if (pledgeVerbs.contains(words[i])) {
                for (int j = i + 1; j < Math.min(words.length, i + 1 + PLEDGE_OBJECT_WORDS); j++) {
                    if (pledgeNouns.contains(words[j])) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
