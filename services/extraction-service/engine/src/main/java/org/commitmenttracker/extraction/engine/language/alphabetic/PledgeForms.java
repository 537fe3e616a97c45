package org.commitmenttracker.extraction.engine.language.alphabetic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import org.commitmenttracker.extraction.engine.gazetteer.Countries;
import org.commitmenttracker.extraction.engine.language.Lexicon;

/**
 * The open-ended forms in which declarations of a spaced script pledge and name who pledges, read word by word
 * from lexicon word classes rather than listed phrase by phrase:
 * <ul>
 * <li>a pledge stated as a noun: {@code pledge.verb} + a determiner + up to two words + {@code pledge.noun} +
 * {@code pledge.link} ("renew our firm support for", "express our resolve to", "share a commitment
 * to");</li>
 * <li>a pledge stated as a state: {@code state.verb} + adverbs + {@code state.adjective}, optionally "in our" +
 * noun, + {@code pledge.link} ("remain strongly committed to", "stay resolute in their determination to");</li>
 * <li>a collective or named actor as subject: "our three countries", "Each Quad partner", "the G7", "The FAO and
 * WBG", "The Space Working Group": a determiner ({@code actor.collective}, which lets an actor noun stand without
 * a name, or {@code actor.determiner}) or none, then names (capitalised words,
 * acronyms, groupings of {@code actor.grouping}) joined by {@code actor.connector}, optionally ended by an actor
 * noun ({@code actor.noun}). Without an acronym or grouping the phrase must end in an actor noun, so "The
 * Partnership" or a sentence-initial "This" names no actor. A name opened by an office ({@code actor.office}:
 * "President Lagos and Prime Minister Ruiz") names office-holders, who speak for their states.</li>
 * </ul>
 * and a subject after a short prepositional phrase ({@code subject.preposition}, "In space we will …").
 * Lexicons without these keys (a language that does not need them) match nothing.
 */
public final class PledgeForms {
    private static final int MAX_INNER_WORDS = 2;
    private static final int MAX_FIRST_OBJECT_WORDS = 16;
    private static final int MAX_ADVERBS = 3;
    private static final int MAX_ACTOR_WORDS = 6;
    private static final int MAX_LEAD_WORDS = 5;
    private static final int MAX_OWNER_WORDS = 5;
    private static final int MAX_ASIDE_CHARS = 80;
    private static final int MAX_MEETING_WORDS = 12;
    private static final int MAX_DOCUMENT_NAME_WORDS = 4;

    /** An actor read as a subject: where it ends and the states it names (empty when it names a collective). */
    public record Actor(int end, List<String> states) {
    }

    private final Lexicon.PhraseIndex pledgeVerbs;
    private final Lexicon.PhraseIndex sharedVerbs;
    private final Lexicon.PhraseIndex determiners;
    private final Lexicon.PhraseIndex ownedDeterminers;
    private final Lexicon.PhraseIndex owners;
    private final Lexicon.PhraseIndex pledgeNouns;
    private final Lexicon.PhraseIndex links;
    private final Lexicon.PhraseIndex secondObjects;
    private final Lexicon.PhraseIndex stateVerbs;
    private final Lexicon.PhraseIndex stateAdjectives;
    private final Lexicon.PhraseIndex stateInner;
    private final Lexicon.PhraseIndex adverbs;
    private final Lexicon.PhraseIndex actorDeterminers;
    private final Lexicon.PhraseIndex collectiveDeterminers;
    private final Lexicon.PhraseIndex actorNouns;
    private final Lexicon.PhraseIndex groupings;
    private final Lexicon.PhraseIndex offices;
    private final Lexicon.PhraseIndex connectors;
    private final Lexicon.PhraseIndex numbers;
    private final Lexicon.PhraseIndex prepositions;
    private final Lexicon.PhraseIndex relatives;
    private final Lexicon.PhraseIndex nextMeetings;
    private final Lexicon.PhraseIndex meetingNouns;
    private final Lexicon.PhraseIndex heldVerbs;
    private final Lexicon.PhraseIndex documentSelves;
    private final Lexicon.PhraseIndex instrumentNouns;
    private final Lexicon.PhraseIndex futureModals;
    private final Lexicon.PhraseIndex innerAdverbs;

    public PledgeForms(Lexicon lexicon) {
        this.pledgeVerbs = index(lexicon, "pledge.verb");
        this.sharedVerbs = index(lexicon, "pledge.shared-verb");
        this.determiners = index(lexicon, "pledge.determiner");
        this.ownedDeterminers = index(lexicon, "pledge.owned");
        this.owners = index(lexicon, "pledge.owner");
        this.pledgeNouns = index(lexicon, "pledge.noun");
        this.links = index(lexicon, "pledge.link");
        this.secondObjects = index(lexicon, "pledge.second-object");
        this.stateVerbs = index(lexicon, "state.verb");
        this.stateAdjectives = index(lexicon, "state.adjective");
        this.stateInner = index(lexicon, "state.inner");
        this.adverbs = index(lexicon, "subject.adverb");
        this.actorDeterminers = index(lexicon, "actor.determiner");
        this.collectiveDeterminers = index(lexicon, "actor.collective");
        this.actorNouns = index(lexicon, "actor.noun");
        this.groupings = index(lexicon, "actor.grouping");
        this.offices = index(lexicon, "actor.office");
        this.connectors = index(lexicon, "actor.connector");
        this.numbers = index(lexicon, "actor.number");
        this.prepositions = index(lexicon, "subject.preposition");
        this.relatives = index(lexicon, "subject.relative");
        this.nextMeetings = index(lexicon, "meeting.next");
        this.meetingNouns = index(lexicon, "meeting.noun");
        this.heldVerbs = index(lexicon, "meeting.held");
        this.documentSelves = index(lexicon, "document.self");
        this.instrumentNouns = index(lexicon, "instrument.noun");
        this.futureModals = index(lexicon, "word.future-modal");
        this.innerAdverbs = index(lexicon, "verb.inner-adverb");
    }

    private static Lexicon.PhraseIndex index(Lexicon lexicon, String key) {
        List<String> entries = new ArrayList<>(lexicon.listOrEmpty(key));
        entries.sort((a, b) -> b.length() - a.length());
        return new Lexicon.PhraseIndex(entries);
    }

    /**
     * "In space we will …", "Through these talks we intend …": a short phrase opened by a preposition before the
     * subject, in the same clause. Returns where the subject starts, or {@code at} when no such phrase stands
     * there; a relative word ("where", "which") in the phrase makes the subject belong to another clause.
     * {@code subjectAt} tells whether a subject starts at a position ("we", "the Parties", a state: "В ближайшее
     * время Россия и Китай проведут …").
     */
    public int subjectAfterLead(String folded, int at, IntPredicate subjectAt) {
        String preposition = prepositions.at(folded, at);
        if (preposition == null) {
            return at;
        }
        int word = skipSpaces(folded, at + preposition.length());
        for (int words = 0; words < MAX_LEAD_WORDS; words++) {
            if (word >= folded.length() || relatives.at(folded, word) != null) {
                return at;
            }
            if (words > 0 && subjectAt.test(word)) {
                return word;
            }
            int end = wordEnd(folded, word);
            if (end == word || end >= folded.length() || !Character.isWhitespace(folded.charAt(end))) {
                return at;
            }
            word = skipSpaces(folded, end);
        }
        return at;
    }

    /** Whether a preposition that may open a phrase before the subject ({@code subject.preposition}) stands at {@code at}. */
    public boolean prepositionAt(String folded, int at) {
        return prepositions.at(folded, at) != null;
    }

    /** Whether a relative word ({@code subject.relative}) stands at {@code at}. */
    public boolean relativeAt(String folded, int at) {
        return relatives.at(folded, at) != null;
    }

    /**
     * "The next Summit will be held in Brazil in 2024", "The next meeting of the Council will take place …": the date
     * and place of the next meeting, which every party undertakes to keep ({@code meeting.next}, words up to a
     * {@code meeting.noun} and its name, then {@code meeting.held}). Returns where the verb ends, or -1.
     */
    public int nextMeetingEnd(String folded, int from) {
        String next = nextMeetings.at(folded, from);
        if (next == null) {
            return -1;
        }
        int at = skipSpaces(folded, from + next.length());
        boolean meeting = false;
        for (int words = 0; words < MAX_MEETING_WORDS && at < folded.length(); words++) {
            String held = heldVerbs.at(folded, at);
            if (held != null) {
                return meeting ? at + held.length() : -1;
            }
            meeting |= meetingNouns.at(folded, at) != null;
            int end = wordEnd(folded, at);
            if (end == at) {
                return -1;
            }
            at = skipSpaces(folded, end);
        }
        return -1;
    }

    /**
     * "This Charter shall be revised …", "The present Plan will be carried out …": the document as its
     * own subject ({@code document.self}, then up to {@value #MAX_DOCUMENT_NAME_WORDS} words ending in an
     * {@code instrument.noun} or the document's acronym) with a future modal binds every party that adopts it.
     * Returns where the modal ends, or -1.
     */
    public int documentSelfEnd(String folded, int from) {
        String self = documentSelves.at(folded, from);
        if (self == null) {
            return -1;
        }
        int at = skipSpaces(folded, from + self.length());
        boolean named = false;
        for (int words = 0; words < MAX_DOCUMENT_NAME_WORDS && at < folded.length(); words++) {
            int end = wordEnd(folded, at);
            if (end == at || !Character.isUpperCase(folded.charAt(at))) {
                break;
            }
            named = instrumentNouns.at(folded, at) != null && instrumentNouns.at(folded, at).length() == end - at
                    || isAcronym(folded, at, end);
            at = skipSpaces(folded, end);
        }
        String modal = named ? futureModals.at(folded, at) : null;
        return modal == null ? -1 : at + modal.length();
    }

    /**
     * "We agreed today a plan …", "we decided now to …": a cue of {@code cues} whose first word an adverb of time
     * ({@code verb.inner-adverb}) parts from the rest of it. Returns where the cue ends in {@code folded}, or -1.
     */
    public int cueAcrossAdverbEnd(String folded, int at, Lexicon.PhraseIndex cues) {
        int verbEnd = wordEnd(folded, at);
        int adverbStart = skipSpaces(folded, verbEnd);
        String adverb = verbEnd == at ? null : innerAdverbs.at(folded, adverbStart);
        if (adverb == null) {
            return -1;
        }
        int adverbEnd = adverbStart + adverb.length();
        String withoutAdverb = folded.substring(0, verbEnd) + folded.substring(adverbEnd);
        String cue = cues.at(withoutAdverb, at);
        // Only a cue that goes on past its first word was parted by the adverb.
        return cue == null || at + cue.length() <= verbEnd ? -1 : at + cue.length() + (adverbEnd - verbEnd);
    }

    /** Where a pledge in one of the two forms starting at {@code at} ends, or -1. */
    public int pledgeEnd(String folded, int at) {
        int noun = nounPledgeEnd(folded, at);
        return noun >= 0 ? noun : statePledgeEnd(folded, at);
    }

    private int nounPledgeEnd(String folded, int from) {
        String verb = pledgeVerbs.at(folded, from);
        if (verb == null) {
            return -1;
        }
        int object = skipSpaces(folded, from + verb.length());
        int owned = determiners.at(folded, object) == null ? ownedPledgeEnd(folded, object) : -1;
        int first = owned >= 0 ? owned : determinedPledgeEnd(folded, object);
        int end = first >= 0 ? first : secondObjectPledgeEnd(folded, object);
        boolean shared = verb.equals(sharedVerbs.at(folded, from));
        return end < 0 || !shared || gerundAt(folded, skipSpaces(folded, end)) ? end : -1;
    }

    /** "addressing", not "peace": a word ending in -ing, the action a shared commitment is to. */
    private static boolean gerundAt(String folded, int at) {
        int end = wordEnd(folded, at);
        return end - at > 4 && folded.regionMatches(true, end - 3, "ing", 0, 3);
    }

    /** "our firm commitment to": a determiner, up to {@value #MAX_INNER_WORDS} words, the pledge noun, its link. */
    private int determinedPledgeEnd(String folded, int from) {
        String determiner = determiners.at(folded, from);
        if (determiner == null) {
            return -1;
        }
        int at = skipSpaces(folded, from + determiner.length());
        for (int words = 0; words <= MAX_INNER_WORDS; words++) {
            String noun = pledgeNouns.at(folded, at);
            if (noun != null) {
                return linkAfterAside(folded, skipSpaces(folded, at + noun.length()));
            }
            int next = wordEnd(folded, at);
            if (next == at) {
                return -1;
            }
            at = skipSpaces(folded, next);
        }
        return -1;
    }

    /**
     * "reaffirmed their shared vision of a stable, prosperous region and their commitment to …": the pledge as the
     * verb's second object, after {@code pledge.second-object} within {@value #MAX_FIRST_OBJECT_WORDS} words of the
     * verb and before any clause ends.
     */
    private int secondObjectPledgeEnd(String folded, int from) {
        int at = from;
        for (int words = 0; words < MAX_FIRST_OBJECT_WORDS && at < folded.length(); words++) {
            String and = secondObjects.at(folded, at);
            if (and != null && words > 0) {
                int end = determinedPledgeEnd(folded, skipSpaces(folded, at + and.length()));
                if (end >= 0) {
                    return end;
                }
            }
            int next = wordEnd(folded, at);
            if (next == at) {
                return -1;
            }
            // an enumeration's comma may stand inside the first object ("a stable, peaceful, and prosperous …")
            next = next < folded.length() && folded.charAt(next) == ',' ? next + 1 : next;
            at = skipSpaces(folded, next);
        }
        return -1;
    }

    /**
     * "reaffirmed the resolve of the Northern Group to …": the pledge noun owned by a named group ({@code pledge.owned}
     * before the noun, {@code pledge.owner} after it, then up to a few capitalised words of the name).
     */
    private int ownedPledgeEnd(String folded, int from) {
        String the = ownedDeterminers.at(folded, from);
        if (the == null) {
            return -1;
        }
        int at = skipSpaces(folded, from + the.length());
        String noun = pledgeNouns.at(folded, at);
        String of = noun == null ? null : owners.at(folded, skipSpaces(folded, at + noun.length()));
        if (of == null) {
            return -1;
        }
        at = skipSpaces(folded, skipSpaces(folded, at + noun.length()) + of.length());
        String article = ownedDeterminers.at(folded, at);
        at = article != null ? skipSpaces(folded, at + article.length()) : at;
        int names = 0;
        while (names < MAX_OWNER_WORDS && at < folded.length() && Character.isUpperCase(folded.charAt(at))) {
            at = skipSpaces(folded, wordEnd(folded, at));
            names++;
        }
        return names == 0 ? -1 : linkEnd(folded, at);
    }

    private int statePledgeEnd(String folded, int from) {
        String verb = stateVerbs.at(folded, from);
        if (verb == null) {
            return -1;
        }
        int at = skipAdverbs(folded, skipSpaces(folded, from + verb.length()));
        String adjective = stateAdjectives.at(folded, at);
        if (adjective == null) {
            return -1;
        }
        at = skipSpaces(folded, at + adjective.length());
        String inner = stateInner.at(folded, at);
        if (inner != null) {
            at = skipSpaces(folded, at + inner.length());
            String noun = pledgeNouns.at(folded, at);
            if (noun == null) {
                return -1;
            }
            at = skipSpaces(folded, at + noun.length());
        }
        return linkEnd(folded, at);
    }

    /**
     * The link, also after an aside set off by commas ("reiterate our commitments, in pursuit of the Convention's
     * objective, to tackle …").
     */
    private int linkAfterAside(String folded, int at) {
        int end = linkEnd(folded, at);
        if (end >= 0 || at >= folded.length() || folded.charAt(at) != ',') {
            return end;
        }
        int close = folded.indexOf(',', at + 1);
        if (close < 0 || close - at > MAX_ASIDE_CHARS || folded.substring(at + 1, close).chars().anyMatch(c -> ".;:".indexOf(c) >= 0)) {
            return -1;
        }
        return linkEnd(folded, skipSpaces(folded, close + 1));
    }

    private int linkEnd(String folded, int at) {
        String link = links.at(folded, at);
        return link == null ? -1 : at + link.length();
    }

    /**
     * An actor named as subject at {@code from}, or null. {@code countries} reads states among the names, so
     * "Chile and the Republic of Peru" binds those two.
     */
    public Actor actorAt(String folded, int from, Countries countries) {
        int at = from;
        // "our countries", "each partner": a collective determiner lets an actor noun stand without a name.
        boolean determined = false;
        String collective = collectiveDeterminers.at(folded, at);
        String determiner = collective != null ? collective : actorDeterminers.at(folded, at);
        if (determiner != null) {
            at = skipSpaces(folded, at + determiner.length());
            String number = numbers.at(folded, at);
            if (number != null) {
                at = skipSpaces(folded, at + number.length());
            }
            // "The Secretariat will …", "the two ministers …": a determiner lets an actor noun stand alone right
            // after it (and its number) too.
            determined = collective != null || actorNouns.at(folded, at) != null;
        }
        List<String> states = new ArrayList<>();
        boolean named = false;
        boolean strongName = false;
        boolean onlyStates = true;
        int end = -1;
        for (int words = 0; words < MAX_ACTOR_WORDS && at < folded.length(); words++) {
            String noun = actorNouns.at(folded, at);
            if (noun != null && (named || determined)) {
                end = at + noun.length();
                onlyStates = false;
                // "ASEAN Member Countries and Japan commit …": a further name may join the actor.
                int afterNoun = skipSpaces(folded, end);
                String joining = connectors.at(folded, afterNoun);
                if (joining == null) {
                    break;
                }
                at = skipSpaces(folded, afterNoun + joining.length());
                String article = actorDeterminers.at(folded, at);
                at = article != null ? skipSpaces(folded, at + article.length()) : at;
                continue;
            }
            String[] state = countries.subjectAt(folded, at);
            if (state != null) {
                states.add(state[0]);
                at += Integer.parseInt(state[1]);
                named = true;
                strongName = true;
                end = at;
            } else {
                String grouping = groupings.at(folded, at);
                int next = grouping != null ? at + grouping.length() : wordEnd(folded, at);
                if (next == at || !Character.isUpperCase(folded.charAt(at))) {
                    break;
                }
                strongName |= grouping != null || isAcronym(folded, at, next) || offices.at(folded, at) != null;
                named = true;
                onlyStates = false;
                at = next;
                end = -1;
            }
            int afterSpaces = skipSpaces(folded, at);
            String connector = connectors.at(folded, afterSpaces);
            if (connector != null) {
                at = skipSpaces(folded, afterSpaces + connector.length());
                String article = actorDeterminers.at(folded, at);
                at = article != null ? skipSpaces(folded, at + article.length()) : at;
            } else {
                at = afterSpaces;
            }
        }
        if (end < 0 && strongName && named) {
            // A name without actor noun: only an acronym, grouping or state names an actor ("the G7", "FAO").
            end = lastNameEnd(folded, from, at);
        }
        if (end < 0) {
            return null;
        }
        return new Actor(end, onlyStates ? List.copyOf(states) : List.of());
    }

    /** The end of the last word before {@code at} (which stands after spaces or a connector). */
    private static int lastNameEnd(String folded, int from, int at) {
        int end = at;
        while (end > from && Character.isWhitespace(folded.charAt(end - 1))) {
            end--;
        }
        return end > from ? end : -1;
    }

    /** "G7", "FAO", "WBG": two or more capitals, or a capital and a digit. */
    private static boolean isAcronym(String folded, int start, int end) {
        int capitals = 0;
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = folded.charAt(i);
            capitals += Character.isUpperCase(c) ? 1 : 0;
            digits += Character.isDigit(c) ? 1 : 0;
        }
        return capitals >= 2 || (capitals == 1 && digits > 0);
    }

    private int skipAdverbs(String folded, int from) {
        int at = from;
        for (int i = 0; i < MAX_ADVERBS; i++) {
            String adverb = adverbs.at(folded, at);
            if (adverb == null) {
                break;
            }
            at = skipSpaces(folded, at + adverb.length());
        }
        return at;
    }

    /** The end of the word at {@code at}: letters, digits, hyphens and apostrophes. */
    private static int wordEnd(String folded, int at) {
        int end = at;
        while (end < folded.length()) {
            char c = folded.charAt(end);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '\'' || c == '\u2019')) {
                break;
            }
            end++;
        }
        return end;
    }

    private static int skipSpaces(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }
}
