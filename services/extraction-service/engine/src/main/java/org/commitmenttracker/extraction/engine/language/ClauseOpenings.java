package org.commitmenttracker.extraction.engine.language;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commitmenttracker.extraction.engine.gazetteer.Countries;
import org.commitmenttracker.extraction.engine.language.alphabetic.PledgeForms;

/**
 * Reads how a clause opens: an optional subject ("双方", "俄方", "两国总理（…）"), optional adverbs, then a
 * verb of commitment ("愿", "将", "商定" …) or of reporting ("重申", "强调" …). Commitments are recognised by
 * this opening, never by a verb somewhere inside a clause, which keeps predictions ("…将创下新高") and
 * past appraisals ("积极评价…") out.
 */
public final class ClauseOpenings {
    /**
     * The parties a subject names: every party of the document, or the listed ones. A short form several states
     * share ("阿方": the UAE, Argentina, Oman …) lists them all; {@link #parties} keeps the one the document is
     * between.
     */
    public record Subject(boolean everyParty, List<String> codes, boolean issuer) {
        static final Subject EVERY_PARTY = new Subject(true, List.of());
        /** "我方", "我国": the party that issues the text, the one its title names first. */
        static final Subject ISSUER = new Subject(false, List.of(), true);

        public Subject(boolean everyParty, List<String> codes) {
            this(everyParty, codes, false);
        }

        /**
         * The parties bound, given the document's (the issuer first): its parties among the codes, else the codes
         * as named.
         */
        public List<String> parties(List<String> documentParties) {
            if (everyParty) {
                return documentParties;
            }
            if (issuer) {
                return documentParties.isEmpty() ? List.of() : List.of(documentParties.get(0));
            }
            List<String> kept = codes.stream().filter(documentParties::contains).toList();
            return !kept.isEmpty() || codes.size() == 1 ? (kept.isEmpty() ? codes : kept) : documentParties;
        }

        /** Both subjects together ("中方…。阿方…" in one list item binds both); null stands for none. */
        public static Subject union(Subject a, Subject b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            if (a.everyParty || b.everyParty || a.issuer != b.issuer) {
                // "我方…。X方…": the issuer and its partner, both sides.
                return EVERY_PARTY;
            }
            List<String> codes = new java.util.ArrayList<>(a.codes);
            b.codes.stream().filter(code -> !codes.contains(code)).forEach(codes::add);
            return new Subject(false, List.copyOf(codes));
        }
    }

    public enum Verb { COMMITMENT, REPORTING }

    /**
     * What a clause opens with; {@code subject} and {@code verb} may each be null. {@code verbStart} is where the
     * verb (or where it would stand) starts, after the subject and adverbs; {@code end} follows the verb.
     * {@code joined}: the clause opens with a conjunction ("and will …"), so it continues the sentence's subject.
     */
    public record Opening(Subject subject, Verb verb, int verbStart, int end, boolean joined) {
    }

    private static final int MAX_PARENTHETICAL = 40;
    private static final int MAX_OCCASION_WORDS = 5;
    /** "Хилари Клинтон", "Мохаммед бен Рашид Аль Мактум": the capitalised words of a leader's name. */
    private static final int MAX_NAME_WORDS = 4;
    /** "В подписанной совместной декларации": the words up to the document's noun. */
    private static final int MAX_DOCUMENT_PLACE_WORDS = 3;
    private static final String OPENING_QUOTES = "«„“\"'";
    private static final int MAX_ADVERBS = 3;
    private static final int MAX_REPORTING_VERB = 4;
    /** "confirmed the two sides will": a bare decision's short subject, then its modal. */
    private static final int MAX_BARE_DECISION_WORDS = 5;
    private static final int MAX_AGENT_MODIFIER = 4;
    private static final int MAX_AGENT_LEAD_WORDS = 2;
    private static final int MAX_AGENT_COMPLEMENT_WORDS = 3;
    /** Words before an organisation's body noun ("Региональная антитеррористическая структура") and after it. */
    private static final int MAX_BODY_LEAD_WORDS = 3;
    private static final int MAX_BODY_NAME_WORDS = 5;
    private static final int MAX_CONTINUED_LEAD_WORDS = 8;
    /** "the leaders of the Pacific Alliance": the capitalised words of the name a subject is owned by. */
    private static final int MAX_OWNER_WORDS = 5;

    /** The longest phrase of time ("于2005年") that may stand between "将" and the verb of taking up an office. */
    private static final int MAX_OFFICE_LEAD = 12;
    private final Lexicon.PhraseIndex everyPartySubjects;
    private final Lexicon.PhraseIndex partySuffixes;
    private final String shortFormSuffix;
    private final Lexicon.PhraseIndex articles;
    private final Lexicon.PhraseIndex conjunctions;
    private final List<String> openPrepositions;
    private final Lexicon.PhraseIndex adverbs;
    private final Lexicon.PhraseIndex commitmentVerbs;
    private final Lexicon.PhraseIndex reportingVerbs;
    private final List<String> viewVerbs;
    private final Lexicon.PhraseIndex reaffirmingVerbs;
    private final Lexicon.PhraseIndex issuerSubjects;
    private final Lexicon.PhraseIndex reaffirmedVerbs;
    private final List<String> frameEnds;
    private final List<String> importanceNouns;
    private final List<String> commitmentNouns;
    private final Lexicon.PhraseIndex frameOpens;
    private final List<String> frameCloses;
    private final Lexicon.PhraseIndex frameAdverbs;
    private final Lexicon.PhraseIndex subjectLeads;
    private final Lexicon.PhraseIndex complementizers;
    private final Lexicon.PhraseIndex documentRelatives;
    private final Lexicon.PhraseIndex occasions;
    private final Lexicon.PhraseIndex offices;
    private final List<String> documentStems;
    private final Lexicon.PhraseIndex documentPlaces;
    private final Lexicon.PhraseIndex beliefVerbs;
    private final Lexicon.PhraseIndex deadlineWords;
    private final Lexicon.PhraseIndex deadlineBy;
    private final Lexicon.PhraseIndex exhortations;
    private final Lexicon.PhraseIndex copulas;
    private final Lexicon.PhraseIndex visitVerbs;
    private final List<String> correlativeFirsts;
    private final Lexicon.PhraseIndex officeVerbs;
    private final List<String> officeRoles;
    private final Lexicon.PhraseIndex timeLeads;
    private final List<String> copulaWords;
    private final Lexicon.PhraseIndex impersonalCues;
    private final Lexicon.PhraseIndex declaringVerbs;
    private final Lexicon.PhraseIndex coordinators;
    private final Lexicon.PhraseIndex owners;
    private final Lexicon.PhraseIndex performatives;
    private final List<String> agents;
    private final int agentSpan;
    private final Lexicon.PhraseIndex agentNouns;
    private final Lexicon.PhraseIndex agentsOfParties;
    private final Lexicon.PhraseIndex bodyNouns;
    private final Lexicon.PhraseIndex purposes;
    private final Lexicon.PhraseIndex subjectQuotes;
    private final Lexicon.PhraseIndex agreeingVerbs;
    private final Lexicon.PhraseIndex actionVerbs;
    private final Lexicon.PhraseIndex decisionsThat;
    private final Lexicon.PhraseIndex bareDecisions;
    private final Lexicon.PhraseIndex relatives;
    private final Lexicon.PhraseIndex futureModals;
    private final Pattern wireDateline;
    private final List<String> documentTypes;
    private final Lexicon.PhraseIndex subjectUnquotes;
    private final Lexicon.PhraseIndex stateSuffixes;
    private final Punctuation punctuation;
    private final Countries countries;
    private final boolean spacedWords;
    private final PledgeForms pledges;

    ClauseOpenings(Lexicon lexicon, Punctuation punctuation, Countries countries, boolean spacedWords) {
        this.everyPartySubjects = new Lexicon.PhraseIndex(lexicon.longestFirst("subject.all"));
        this.issuerSubjects = new Lexicon.PhraseIndex(optional(lexicon, "subject.issuer"));
        this.reaffirmedVerbs = new Lexicon.PhraseIndex(optional(lexicon, "verb.reaffirmed"));
        this.frameEnds = optional(lexicon, "clause.frame-end");
        this.shortFormSuffix = lexicon.list("subject.party-suffix").get(0);
        this.partySuffixes = new Lexicon.PhraseIndex(lexicon.longestFirst("subject.party-suffix"));
        this.articles = new Lexicon.PhraseIndex(spacedWords ? lexicon.longestFirst("subject.article") : List.of());
        this.openPrepositions = spacedWords ? lexicon.listOrEmpty("word.preposition") : List.of();
        this.conjunctions = new Lexicon.PhraseIndex(optional(lexicon, "subject.conjunction"));
        this.adverbs = new Lexicon.PhraseIndex(lexicon.longestFirst("subject.adverb"));
        this.commitmentVerbs = new Lexicon.PhraseIndex(lexicon.longestFirst("cue.commitment"));
        this.reportingVerbs = new Lexicon.PhraseIndex(lexicon.longestFirst("verb.reporting"));
        this.viewVerbs = optional(lexicon, "verb.view");
        this.reaffirmingVerbs = new Lexicon.PhraseIndex(optional(lexicon, "verb.reaffirming"));
        this.importanceNouns = optional(lexicon, "reaffirmed.importance");
        this.commitmentNouns = optional(lexicon, "reaffirmed.commitment");
        this.frameOpens = new Lexicon.PhraseIndex(optional(lexicon, "reaffirmed.frame-open"));
        this.frameCloses = optional(lexicon, "reaffirmed.frame-close");
        this.frameAdverbs = new Lexicon.PhraseIndex(optional(lexicon, "reaffirmed.frame-adverb"));
        this.subjectLeads = new Lexicon.PhraseIndex(optional(lexicon, "subject.lead"));
        this.complementizers = new Lexicon.PhraseIndex(optional(lexicon, "subject.complementizer"));
        this.documentRelatives = new Lexicon.PhraseIndex(optional(lexicon, "subject.document-relative"));
        this.occasions = new Lexicon.PhraseIndex(optional(lexicon, "subject.occasion"));
        this.offices = new Lexicon.PhraseIndex(optional(lexicon, "subject.office"));
        this.documentStems = optional(lexicon, "document.stem");
        this.documentPlaces = new Lexicon.PhraseIndex(optional(lexicon, "document.place"));
        this.beliefVerbs = new Lexicon.PhraseIndex(optional(lexicon, "verb.belief"));
        this.deadlineWords = new Lexicon.PhraseIndex(optional(lexicon, "deadline.word"));
        this.deadlineBy = new Lexicon.PhraseIndex(optional(lexicon, "deadline.by"));
        this.exhortations = new Lexicon.PhraseIndex(optional(lexicon, "sentence.exhortation"));
        this.copulas = new Lexicon.PhraseIndex(optional(lexicon, "sentence.copula"));
        this.visitVerbs = new Lexicon.PhraseIndex(optional(lexicon, "visit.programme"));
        this.correlativeFirsts = optional(lexicon, "correlative.first");
        this.officeVerbs = new Lexicon.PhraseIndex(optional(lexicon, "office.taking"));
        this.officeRoles = optional(lexicon, "office.role");
        this.timeLeads = new Lexicon.PhraseIndex(optional(lexicon, "office.time-lead"));
        this.copulaWords = optional(lexicon, "copula.word");
        this.impersonalCues = new Lexicon.PhraseIndex(optional(lexicon, "cue.impersonal"));
        this.declaringVerbs = new Lexicon.PhraseIndex(optional(lexicon, "lead.declaring"));
        this.coordinators = new Lexicon.PhraseIndex(optional(lexicon, "subject.and"));
        this.owners = new Lexicon.PhraseIndex(optional(lexicon, "subject.owner"));
        this.performatives = new Lexicon.PhraseIndex(optional(lexicon, "adverb.performative"));
        this.agents = optional(lexicon, "subject.agent");
        this.agentSpan = lexicon.has("subject.agent-span") ? Integer.parseInt(lexicon.single("subject.agent-span")) : 0;
        this.agentNouns = new Lexicon.PhraseIndex(agents);
        this.agentsOfParties = new Lexicon.PhraseIndex(optional(lexicon, "subject.agent-of"));
        this.bodyNouns = new Lexicon.PhraseIndex(optional(lexicon, "subject.body"));
        this.purposes = new Lexicon.PhraseIndex(optional(lexicon, "clause.purpose"));
        this.subjectQuotes = new Lexicon.PhraseIndex(optional(lexicon, "subject.quote-open"));
        this.agreeingVerbs = new Lexicon.PhraseIndex(optional(lexicon, "verb.agreeing"));
        this.actionVerbs = new Lexicon.PhraseIndex(optional(lexicon, "verb.action"));
        this.decisionsThat = new Lexicon.PhraseIndex(optional(lexicon, "verb.decision-that"));
        this.bareDecisions = new Lexicon.PhraseIndex(optional(lexicon, "verb.decision-bare"));
        this.relatives = new Lexicon.PhraseIndex(optional(lexicon, "subject.relative"));
        this.futureModals = new Lexicon.PhraseIndex(optional(lexicon, "word.future-modal"));
        String agency = lexicon.has("dateline.agency-mark") ? Pattern.quote(lexicon.single("dateline.agency-mark")) : null;
        // Bounded runs only: "18 февраля /Синьхуа/ --".
        this.wireDateline = agency == null ? null : Pattern.compile("(?:\\d{1,2}\\s{1,3}\\p{L}{3,12}\\.?\\s{1,3})?" + agency
                + "[^\\n]{1,30}?" + agency + "\\s{0,3}(?:--|—|–)\\s{0,3}");
        this.documentTypes = optional(lexicon, "title.suffix");
        this.subjectUnquotes = new Lexicon.PhraseIndex(optional(lexicon, "subject.quote-close"));
        this.stateSuffixes = new Lexicon.PhraseIndex(optional(lexicon, "subject.state-suffix"));
        this.punctuation = punctuation;
        this.countries = countries;
        this.spacedWords = spacedWords;
        this.pledges = spacedWords ? new PledgeForms(lexicon) : null;
    }

    public Opening at(String folded, int from) {
        int at = skipWireDateline(folded, skipQuote(folded, skipSpaces(folded, from)));
        // "«(Президенты) приняли решение …»": a news copy's editor names the quoted clause's subject in brackets.
        boolean bracketed = editorialSubjectAt(folded, at);
        at += bracketed ? 1 : 0;
        boolean joined = false;
        String conjunction = conjunctions.at(folded, at);
        if (conjunction != null) {
            joined = true;
            at = skipSpaces(folded, at + conjunction.length());
        }
        String lead = subjectLeads.at(folded, at);
        if (lead != null) {
            at = skipSpaces(folded, at + lead.length());
        } else if (pledges != null) {
            at = pledges.subjectAfterLead(folded, at,
                    word -> everyPartySubjects.at(folded, word) != null || statesPledge(folded, word));
        }
        String impersonal = impersonalCues.at(folded, at);
        int inDocument = impersonal == null ? documentPlaceEnd(folded, at) : -1;
        if (inDocument > 0 && impersonalCues.at(folded, inDocument) != null) {
            // "В подписанной декларации подтверждена приверженность …": what the document states, of every party.
            at = inDocument;
            impersonal = impersonalCues.at(folded, at);
        }
        if (impersonal != null) {
            // "Подтверждена готовность …": stated of nobody in particular, so of every party.
            return new Opening(Subject.EVERY_PARTY, Verb.COMMITMENT, at, at + impersonal.length(), joined);
        }
        // The next meeting and the document itself: undertakings of every party stated without a subject of theirs.
        int undertaking = pledges == null ? -1 : Math.max(pledges.nextMeetingEnd(folded, at), pledges.documentSelfEnd(folded, at));
        if (undertaking >= 0) {
            return new Opening(Subject.EVERY_PARTY, Verb.COMMITMENT, at, undertaking, joined);
        }
        Subject subject = null;
        int subjectStart = at;
        int compound = compoundBeforeEveryParty(folded, at);
        String everyParty = everyPartySubjects.at(folded, at + compound);
        if (everyParty != null) {
            subject = Subject.EVERY_PARTY;
            at += compound + everyParty.length() + (bracketed ? 1 : 0);
            // "Главы Казахстана и Киргизии будут …": the states the subject belongs to.
            int[] states = new int[1];
            int owner = ownerAfter(folded, skipSpaces(folded, at));
            List<String> owners = owner < 0 ? List.of() : parties(folded, owner, states);
            if (!parties(folded, skipSpaces(folded, at), states).isEmpty()) {
                at = states[0];
            } else if (!owners.isEmpty()) {
                // "the leaders of Chile and Peru will …": the states they lead.
                subject = new Subject(false, owners);
                at = states[0];
            } else if (owner >= 0 && ownerNameEnd(folded, owner) > owner) {
                // "the leaders of North America will …", "the Heads of Government of the Commonwealth": whose they
                // are, a name the subject still speaks for.
                at = ownerNameEnd(folded, owner);
            } else {
                // "Государства – члены ОДКБ продолжат …": the members of the organisation its acronym names.
                at = skipAcronym(folded, skipSpaces(folded, at));
            }
        } else if (issuerSubjects.at(folded, at) != null) {
            subject = Subject.ISSUER;
            at += issuerSubjects.at(folded, at).length();
        } else {
            int[] end = new int[1];
            List<String> codes = parties(folded, at, end);
            if (codes.isEmpty()) {
                codes = officeHolders(folded, at, end);
            }
            List<String> compounded = codes.isEmpty() ? compoundSubject(folded, at) : List.of();
            if (!codes.isEmpty()) {
                subject = new Subject(false, codes);
                at = end[0];
            } else if (!compounded.isEmpty()) {
                subject = new Subject(false, compounded);
                at += compounded.size();
            }
        }
        if (subject != null) {
            at = skipParenthetical(folded, skipSpaces(folded, at));
        }
        Opening opening = verbAfter(folded, at, subject, joined);
        if (subject != null && opening.verb() == null) {
            opening = verbAfterOccasion(folded, at, subject, joined, opening);
        }
        if (opening.verb() == null && lead == null && !agents.isEmpty()) {
            Opening agent = spacedWords ? agentOfParties(folded, at, joined) : agentPhrase(folded, at, subject, joined);
            if (agent != null) {
                return agent;
            }
        }
        if (opening.verb() == null && lead == null && subject == null) {
            Opening body = bodyOfOrganisation(folded, at, joined);
            if (body != null) {
                return body;
            }
        }
        if (opening.verb() == null && pledges != null) {
            // A named or collective actor ("the G7", "our countries") is a subject only where it pledges; a state
            // may open one ("Ruritania and the League …").
            PledgeForms.Actor actor = pledges.actorAt(folded, opening.subject() == null ? at : subjectStart, countries);
            if (actor != null) {
                Subject named = actor.states().isEmpty() ? Subject.EVERY_PARTY : new Subject(false, actor.states());
                Opening pledged = verbAfter(folded, actor.end(), named, joined);
                if (pledged.verb() == Verb.COMMITMENT) {
                    return pledged;
                }
                if (pledged.verb() == Verb.REPORTING) {
                    // "President Lagos welcomed … and committed to …": an actor who reports is the subject a
                    // pledge joined to the report goes on from.
                    return pledged;
                }
                int next = skipSpaces(folded, actor.end());
                if (pledged.verb() == null && next < folded.length() && punctuation.breaksClause(folded.charAt(next))) {
                    // "Our three nations, along with the lenders, will …": an actor
                    // that is the whole clause leaves its verb to a later clause, as "We, the Leaders, …" does.
                    return new Opening(named, null, actor.end(), actor.end(), joined);
                }
            }
        }
        return opening;
    }

    /**
     * Adverbs, then the verb at {@code from}: the longest cue of either kind, so "continue to condemn" reports
     * where "continue to" would pledge; in a spaced script a pledge may also be stated as a noun or a state
     * ("reaffirm our commitment to", "remain determined to").
     */
    private Opening verbAfter(String folded, int from, Subject subject, boolean joined) {
        int at = from;
        boolean performative = false;
        for (int i = 0; i < MAX_ADVERBS; i++) {
            at = skipSpaces(folded, at);
            String adverb = adverbs.at(folded, at);
            if (adverb == null) {
                break;
            }
            performative |= performatives.at(folded, at) != null;
            at += adverb.length();
        }
        at = skipSpaces(folded, at);
        String commitment = commitmentVerbs.at(folded, at);
        String reporting = reportingVerbs.at(folded, at);
        int commitmentEnd = commitment == null ? -1 : at + commitment.length();
        if (pledges != null) {
            commitmentEnd = Math.max(commitmentEnd, pledges.pledgeEnd(folded, at));
            commitmentEnd = Math.max(commitmentEnd, pledges.cueAcrossAdverbEnd(folded, at, commitmentVerbs));
        }
        int reportingEnd = reporting == null ? -1 : at + reporting.length();
        String decided = decisionsThat.at(folded, at);
        String bare = decided == null ? bareDecisions.at(folded, at) : null;
        if (decided != null && futureInClause(folded, at + decided.length(), Integer.MAX_VALUE)
                || bare != null && futureInClause(folded, at + bare.length(), MAX_BARE_DECISION_WORDS)) {
            decided = decided != null ? decided : bare;
            // "Leaders agreed that a plan will be drawn up": what was agreed is to be done, so it is a decision;
            // "agreed that the plan is important" stays a view.
            commitmentEnd = Math.max(commitmentEnd, at + decided.length());
        }
        if (reporting != null && reaffirmingVerbs.at(folded, at) != null) {
            // "重申恪守…", "强调坚持…": a reaffirmation whose object opens with a verb of commitment pledges it.
            // Adverbs may come between ("重申共同致力于…", "重申积极落实…").
            int object = reportingEnd;
            for (int i = 0; i < MAX_ADVERBS && adverbs.at(folded, skipSpaces(folded, object)) != null; i++) {
                object = skipSpaces(folded, object) + adverbs.at(folded, skipSpaces(folded, object)).length();
            }
            String reaffirmed = commitmentVerbs.at(folded, skipSpaces(folded, object));
            reaffirmed = reaffirmed != null ? reaffirmed : reaffirmedVerbs.at(folded, skipSpaces(folded, object));
            int framed = reaffirmed == null ? verbAfterFrame(folded, skipSpaces(folded, object)) : -1;
            if (reaffirmed != null) {
                commitmentEnd = Math.max(commitmentEnd, skipSpaces(folded, object) + reaffirmed.length());
            } else if (framed >= 0) {
                commitmentEnd = Math.max(commitmentEnd, framed);
            } else if (reaffirmsTheImportanceOfAnAction(folded, reportingEnd) || reaffirmsACommitment(folded, reportingEnd)) {
                commitmentEnd = Math.max(commitmentEnd, reportingEnd);
            }
        }
        // "双方同意，…" (a verb that may agree to a view, then the clause ends): what it agrees is said in the next
        // clause, which pledges only with a cue of its own ("…，将…") or as an action ("…，保持高层往来"), not
        // when it states a view ("…，两国关系…是重要的").
        String agreeing = agreeingVerbs.at(folded, at);
        boolean reportsWhatFollows = agreeing != null && at + agreeing.length() == commitmentEnd
                && commitmentEnd < folded.length() && punctuation.breaksClause(folded.charAt(commitmentEnd))
                && actionVerbs.at(folded, skipSpaces(folded, commitmentEnd + 1)) == null;
        if (commitmentEnd < 0 && reportingEnd < 0 && performative && at < folded.length() && Character.isLetter(folded.charAt(at))) {
            // "… and hereby establish a council": an act the text performs by being adopted, whatever its verb.
            int verbEnd = at;
            while (verbEnd < folded.length() && Character.isLetter(folded.charAt(verbEnd))) {
                verbEnd++;
            }
            commitmentEnd = verbEnd;
        }
        if (commitmentEnd >= 0 && commitmentEnd >= reportingEnd && !reportsWhatFollows) {
            return new Opening(subject, Verb.COMMITMENT, at, commitmentEnd, joined);
        }
        if (reportingEnd >= 0) {
            return new Opening(subject, Verb.REPORTING, at, reportingEnd, joined);
        }
        return new Opening(subject, null, at, at, joined);
    }

    /**
     * "重申在…问题上坚定相互支持": a reaffirmed object that opens with a frame of where it applies ({@code
     * reaffirmed.frame-open} … {@code reaffirmed.frame-close}, inside its clause) and goes on, after adverbs, with a
     * verb of commitment pledges that verb. Returns where the verb ends, or -1.
     */
    private int verbAfterFrame(String folded, int from) {
        String open = frameOpens.at(folded, from);
        if (open == null) {
            return -1;
        }
        String clause = clauseFrom(folded, from);
        for (int close = open.length(); close < clause.length(); close++) {
            for (String closing : frameCloses) {
                if (!clause.startsWith(closing, close)) {
                    continue;
                }
                int at = skipSpaces(folded, from + close + closing.length());
                for (int i = 0; i < MAX_ADVERBS; i++) {
                    String adverb = adverbs.at(folded, at);
                    adverb = adverb != null ? adverb : frameAdverbs.at(folded, at);
                    if (adverb == null) {
                        break;
                    }
                    at = skipSpaces(folded, at + adverb.length());
                }
                String verb = commitmentVerbs.at(folded, at);
                verb = verb != null ? verb : reaffirmedVerbs.at(folded, at);
                if (verb != null) {
                    return at + verb.length();
                }
            }
        }
        return -1;
    }

    /**
     * "重申维护…的重要性", "重申相互坚定支持…的重要性": the reaffirmed importance of an action (its object opens, after
     * adverbs, with a verb of action or commitment and its clause ends in {@code reaffirmed.importance}) pledges
     * that action; "重申两国关系的重要性" appraises.
     */
    private boolean reaffirmsTheImportanceOfAnAction(String folded, int from) {
        if (importanceNouns.isEmpty()) {
            return false;
        }
        int at = skipSpaces(folded, from);
        for (int i = 0; i < MAX_ADVERBS; i++) {
            String adverb = adverbs.at(folded, at);
            if (adverb == null) {
                break;
            }
            at = skipSpaces(folded, at + adverb.length());
        }
        if (actionVerbs.at(folded, at) == null && commitmentVerbs.at(folded, at) == null) {
            return false;
        }
        String clause = clauseFrom(folded, at);
        return importanceNouns.stream().anyMatch(clause::endsWith);
    }

    /**
     * "我们强调我们根据…处理相互关系的承诺", "重申了对…的承诺": a reaffirmed object whose clause ends in a
     * commitment ({@code reaffirmed.commitment}), whatever it opens with, pledges it again, as "reaffirm our
     * commitment to" does.
     */
    private boolean reaffirmsACommitment(String folded, int from) {
        String clause = clauseFrom(folded, skipSpaces(folded, from));
        return commitmentNouns.stream().anyMatch(clause::endsWith);
    }

    /** The clause that runs from {@code at} to the next clause or sentence end outside brackets. */
    private String clauseFrom(String folded, int at) {
        int end = at;
        int depth = 0;
        while (end < folded.length() && !(depth == 0 && (punctuation.breaksClause(folded.charAt(end))
                || punctuation.endsSentenceAt(folded, end)))) {
            depth = Math.max(0, depth + punctuation.depthChange(folded.charAt(end)));
            end++;
        }
        return folded.substring(at, end).stripTrailing();
    }

    /**
     * Whether a future modal ("will", "shall") stands in the clause that runs from {@code from}, within its first
     * {@code maxWords} words, and before any relative word ("… our support for those who will …" is no decision).
     */
    private boolean futureInClause(String folded, int from, int maxWords) {
        int words = 0;
        for (int i = from; i < folded.length() && words <= maxWords; i++) {
            char c = folded.charAt(i);
            if (punctuation.breaksClause(c) || punctuation.endsSentenceAt(folded, i)) {
                return false;
            }
            if (!Character.isLetter(c) || i > from && Character.isLetter(folded.charAt(i - 1))) {
                continue;
            }
            words++;
            if (futureModals.at(folded, i) != null) {
                return true;
            }
            if (maxWords < Integer.MAX_VALUE && relatives.at(folded, i) != null) {
                return false;
            }
        }
        return false;
    }

    /**
     * The subject a lead-in ends with when its last clause is nothing but that subject ("В этих целях Стороны:",
     * "Страны ШОС:", also before a phrase of purpose: "Государства-члены в целях …:"), or with a verb that
     * declares what follows ({@code lead.declaring}: "Главы государств заявляют:", "…, заявляют:"): each item then
     * says what the subject does, so it pledges when it opens with a verb of commitment ("— продолжат
     * консультации;") and reports otherwise. Null for any other lead-in.
     */
    public Subject subjectAlone(String leadIn) {
        int end = leadIn.length() - 1;
        while (end > 0 && Character.isWhitespace(leadIn.charAt(end - 1))) {
            end--;
        }
        if (end < 0 || !punctuation.endsLeadIn(leadIn.charAt(leadIn.length() - 1))) {
            return null;
        }
        int start = end;
        while (start > 0 && !punctuation.breaksClause(leadIn.charAt(start - 1))) {
            start--;
        }
        Opening opening = at(leadIn, start);
        if (opening.verb() != null) {
            return null;
        }
        int rest = skipAcronym(leadIn, skipSpaces(leadIn, opening.end()));
        // "…, заявляют:": the verb that ends a preamble declares what follows, for the subject the preamble opened
        // with, or for every party when that subject stands in a paragraph above.
        String declaring = declaringVerbs.at(leadIn, rest);
        if (declaring != null && skipSpaces(leadIn, rest + declaring.length()) >= end) {
            return opening.subject() != null ? opening.subject() : Subject.EVERY_PARTY;
        }
        return opening.subject() != null && (rest >= end || adverbialAlone(leadIn, rest, end)) ? opening.subject() : null;
    }

    /** Where the owner a subject names after it ({@code subject.owner}: "of") starts, or -1. */
    private int ownerAfter(String folded, int at) {
        String of = spacedWords ? owners.at(folded, at) : null;
        if (of == null) {
            return -1;
        }
        int name = skipSpaces(folded, at + of.length());
        String article = articles.at(folded, name);
        return article == null ? name : skipSpaces(folded, name + article.length());
    }

    /** The end of a capitalised name of up to {@value #MAX_OWNER_WORDS} words at {@code at} ({@code at} if none). */
    private static int ownerNameEnd(String folded, int at) {
        int end = at;
        for (int words = 0; words < MAX_OWNER_WORDS && end < folded.length() && Character.isUpperCase(folded.charAt(end)); words++) {
            int word = end;
            while (word < folded.length() && !Character.isWhitespace(folded.charAt(word))
                    && !",;:.".contains(String.valueOf(folded.charAt(word)))) {
                word++;
            }
            end = word;
            int next = skipSpaces(folded, end);
            if (next >= folded.length() || !Character.isUpperCase(folded.charAt(next))) {
                break;
            }
            end = next;
        }
        return end;
    }

    /** Past an organisation's acronym after its members ("Государства – члены ОДКБ"), if one stands at {@code at}. */
    private static int skipAcronym(String folded, int at) {
        int end = at;
        while (end < folded.length() && Character.isLetter(folded.charAt(end)) && Character.isUpperCase(folded.charAt(end))) {
            end++;
        }
        boolean acronym = end - at >= 2 && (end == folded.length() || !Character.isLetter(folded.charAt(end)));
        return acronym ? skipSpaces(folded, end) : at;
    }

    /**
     * "Государства-члены в целях противодействия угрозам:": a phrase opened by a preposition, with no verb of
     * either kind in it, between a lead-in's subject and its colon.
     */
    private boolean adverbialAlone(String folded, int from, int end) {
        if (pledges == null || !pledges.prepositionAt(folded, from)) {
            return false;
        }
        for (int i = from; i < end; i++) {
            boolean wordStart = i == from || !Character.isLetter(folded.charAt(i - 1));
            if (wordStart && (commitmentVerbs.at(folded, i) != null || reportingVerbs.at(folded, i) != null)) {
                return false;
            }
        }
        return true;
    }

    /** "Россия и Китай проведут …": states named at {@code at} as the subject of a verb of commitment. */
    private boolean statesPledge(String folded, int at) {
        int[] end = new int[1];
        return !parties(folded, at, end).isEmpty()
                && verbAfter(folded, skipSpaces(folded, end[0]), null, false).verb() == Verb.COMMITMENT;
    }

    /**
     * "Стороны считают, что …": a clause that ends in a verb of opinion ({@code verb.view}); what follows is what
     * they think will happen, not what they undertake.
     */
    public boolean statesAView(String folded, int clauseStart, int clauseEnd) {
        int end = clauseEnd;
        while (end > clauseStart && (punctuation.breaksClause(folded.charAt(end - 1)) || Character.isWhitespace(folded.charAt(end - 1)))) {
            end--;
        }
        String clause = folded.substring(clauseStart, end).toLowerCase(java.util.Locale.ROOT);
        return viewVerbs.stream().anyMatch(verb -> clause.endsWith(verb)
                && (clause.length() == verb.length() || !Character.isLetter(clause.charAt(clause.length() - verb.length() - 1))));
    }

    /**
     * "…签署的杜尚别声明指出，": a clause that ends in a document type and a reporting verb reports what another
     * document says, so what follows recounts it.
     */
    public boolean reportsADocument(String folded, int clauseStart, int clauseEnd) {
        int end = clauseEnd;
        while (end > clauseStart && (punctuation.breaksClause(folded.charAt(end - 1)) || Character.isWhitespace(folded.charAt(end - 1)))) {
            end--;
        }
        for (int from = Math.max(clauseStart, end - MAX_REPORTING_VERB); from < end; from++) {
            String verb = reportingVerbs.at(folded, from);
            if (verb != null && from + verb.length() == end) {
                String before = folded.substring(clauseStart, from);
                return documentTypes.stream().anyMatch(before::endsWith);
            }
        }
        return false;
    }

    /**
     * Whether the clause at {@code at} opens with a complementizer ({@code subject.complementizer}: "что") whose
     * clause, lacking a subject of its own, has the subject of the clause that reports it ("Стороны отметили, что
     * планируют …").
     */
    public boolean complementizerAt(String folded, int at) {
        String word = complementizers.at(folded, skipSpaces(folded, at));
        int end = skipSpaces(folded, at) + (word == null ? 0 : word.length());
        return word != null && (end >= folded.length() || !Character.isLetterOrDigit(folded.charAt(end)));
    }

    /**
     * Whether the clause at {@code at} opens with a relative word of a document ({@code subject.document-relative}:
     * "в котором"), whose clause says what the document holds.
     */
    public boolean documentRelativeAt(String folded, int at) {
        return documentRelatives.at(folded, skipSpaces(folded, at)) != null;
    }

    /** Whether a clause names a document: a word of it opens with a {@code document.stem} ("декларацию"). */
    public boolean namesADocument(String folded, int clauseStart, int clauseEnd) {
        for (int at = clauseStart; at < clauseEnd; at++) {
            if ((at == 0 || !Character.isLetter(folded.charAt(at - 1))) && documentStemAt(folded, at)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word at {@code at} opens with a {@code document.stem}, whatever its ending. */
    private boolean documentStemAt(String folded, int at) {
        return documentStems.stream().anyMatch(stem -> folded.regionMatches(true, at, stem, 0, stem.length()));
    }

    /**
     * "В подписанной совместной декларации …": the place in a document a news copy says something stands, a
     * preposition of place ({@code document.place}) and a word opening with a {@code document.stem} within
     * {@value #MAX_DOCUMENT_PLACE_WORDS} words. Where the clause goes on after it, or -1.
     */
    private int documentPlaceEnd(String folded, int at) {
        String place = documentPlaces.at(folded, at);
        if (place == null) {
            return -1;
        }
        int word = at + place.length();
        for (int i = 0; i < MAX_DOCUMENT_PLACE_WORDS; i++) {
            word = skipSpaces(folded, word);
            boolean document = documentStemAt(folded, word);
            while (word < folded.length() && Character.isLetter(folded.charAt(word))) {
                word++;
            }
            if (document) {
                return skipSpaces(folded, word);
            }
        }
        return -1;
    }

    /** Whether the sentence at {@code at} opens with a preposition of a phrase before its subject ("В целях …"). */
    public boolean opensWithPreposition(String folded, int at) {
        return pledges != null && pledges.prepositionAt(folded, skipSpaces(folded, at));
    }

    /**
     * "В целях укрепления связей, содействия …, углубления сотрудничества стороны решили …": the last clause of a
     * phrase of purpose enumerated over several clauses names the subject after a few words of its own. The
     * opening at that subject when it pledges, else null; a relative word before it makes it another clause's.
     */
    public Opening subjectInContinuedLead(String folded, int from, int end) {
        if (pledges == null) {
            return null;
        }
        int at = skipSpaces(folded, from);
        for (int words = 0; words < MAX_CONTINUED_LEAD_WORDS && at < end; words++) {
            if (pledges.relativeAt(folded, at)) {
                return null;
            }
            if (words > 0 && (everyPartySubjects.at(folded, at) != null || statesPledge(folded, at))) {
                Opening opening = at(folded, at);
                return opening.verb() == Verb.COMMITMENT ? opening : null;
            }
            at = nextWord(folded, at);
        }
        return null;
    }

    /**
     * Whether a clause is the last of its sentence and ends on a frame noun ({@code clause.frame-end}:
     * "基础上", "前提下") right before the sentence's end: the clause closes a frame ("建立在…基础上").
     */
    public boolean endsOnFrame(String folded, int clauseStart, int clauseEnd, int sentenceEnd) {
        int end = clauseEnd;
        while (end > clauseStart && (Character.isWhitespace(folded.charAt(end - 1))
                || punctuation.endsSentence(folded.charAt(end - 1)))) {
            end--;
        }
        String text = folded.substring(clauseStart, end);
        return clauseEnd >= sentenceEnd && frameEnds.stream().anyMatch(text::endsWith);
    }

    /** Whether a verb of reaffirming ("重申", "确认") stands at {@code at}. */
    public boolean reaffirmsAt(String folded, int at) {
        return reaffirmingVerbs.at(folded, skipSpaces(folded, at)) != null;
    }

    /**
     * "2027年底前完成…": whether the clause at {@code at} opens with a deadline (numerals, the words of
     * {@code deadline.word} and one of {@code deadline.by}) and then a verb of action.
     */
    public boolean datedActionAt(String folded, int at) {
        int i = skipSpaces(folded, at);
        boolean numeral = false;
        boolean by = false;
        while (i < folded.length()) {
            String word = deadlineWords.at(folded, i);
            String byWord = deadlineBy.at(folded, i);
            if (word != null || byWord != null) {
                by |= byWord != null;
                i += word != null ? word.length() : byWord.length();
            } else if (Character.isDigit(folded.charAt(i)) || "〇零一二三四五六七八九十".indexOf(folded.charAt(i)) >= 0) {
                numeral = true;
                i++;
            } else {
                break;
            }
        }
        return numeral && by && actionVerbs.at(folded, skipSpaces(folded, i)) != null;
    }

    /** Whether the clause whose verb would stand at {@code verbStart} opens with a verb of belief ("相信…"). */
    public boolean believesAt(String folded, int verbStart) {
        return beliefVerbs.at(folded, skipSpaces(folded, verbStart)) != null;
    }

    /** Whether a sentence opening at {@code opening} without a subject exhorts or demands ("要…"). */
    public boolean exhorts(String folded, Opening opening) {
        return opening.subject() == null && exhortations.at(folded, skipSpaces(folded, opening.verbStart())) != null;
    }

    /**
     * "坚持…道路是…的鲜明特征": a sentence that opens, without a subject, on a verb of commitment whose first clause
     * then says what that is ({@code sentence.copula}, not within a word of {@code copula.word}: "特别是"): the
     * verb's phrase is the subject of a definition, and nobody pledges it.
     */
    public boolean definesItsVerbPhrase(String folded, Opening opening, int clauseEnd) {
        if (opening.subject() != null || opening.verb() != Verb.COMMITMENT) {
            return false;
        }
        for (int i = opening.end(); i < clauseEnd; i++) {
            int at = i;
            String copula = copulas.at(folded, at);
            if (copula != null && copulaWords.stream().noneMatch(word -> partOfWord(folded, at, copula, word))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the copula at {@code at} is part of {@code word} as written there ("特别是", "是否"). */
    private static boolean partOfWord(String folded, int at, String copula, String word) {
        int offset = word.indexOf(copula);
        int start = at - offset;
        return offset >= 0 && start >= 0 && folded.startsWith(word, start);
    }

    /** Whether a verb of a visit's programme ({@code visit.programme}: "会见", "访问") stands at {@code at}. */
    public boolean visitProgrammeAt(String folded, int at) {
        return visitVerbs.at(folded, skipSpaces(folded, at)) != null;
    }

    /**
     * "英国将于2005年担任欧盟轮值主席国": the clause from {@code at} (after the verb of commitment) takes up an office
     * ({@code office.taking}, at once or after a short phrase of time opening with {@code office.time-lead}) that it
     * names last ({@code office.role}): a
     * term in a rotation or a meeting's host, not a pledge.
     */
    public boolean takesAnOfficeAt(String folded, int at) {
        String clause = clauseFrom(folded, skipSpaces(folded, at));
        if (officeRoles.stream().noneMatch(clause::endsWith)) {
            return false;
        }
        if (officeVerbs.at(clause, 0) != null) {
            return true;
        }
        if (timeLeads.at(clause, 0) == null) {
            return false;
        }
        for (int i = 1; i <= Math.min(MAX_OFFICE_LEAD, clause.length() - 1); i++) {
            if (officeVerbs.at(clause, i) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the first half of a correlative ("不仅…", {@code correlative.first}) stands between {@code from} and
     * {@code to}: a clause after it ("…，还将…") goes on with that half's subject.
     */
    public boolean afterCorrelativeFirst(String folded, int from, int to) {
        String before = folded.substring(from, to);
        return correlativeFirsts.stream().anyMatch(before::contains);
    }

    /** Whether a clause of purpose or condition ("为…", "在…框架下") opens at {@code at}. */
    public boolean purposeAt(String folded, int at) {
        return purposes.at(folded, skipSpaces(folded, at)) != null;
    }

    /**
     * "两国外交部将…", "中方有关部门愿…": a subject phrase ending in an agent noun, within a few characters of
     * the clause's start (right after a party's name: "有关", "相关"), then a verb of commitment; it binds the
     * party it names, else every party.
     */
    private Opening agentPhrase(String folded, int from, Subject named, boolean joined) {
        int limit = Math.min(folded.length(), from + (named != null ? MAX_AGENT_MODIFIER : agentSpan));
        for (int i = named != null ? from : from + 1; i < limit; i++) {
            char c = folded.charAt(i);
            if (punctuation.breaksClause(c) || punctuation.endsSentence(c) || punctuation.depthChange(c) != 0) {
                return null;
            }
            for (String agent : agents) {
                if (folded.startsWith(agent, i)) {
                    Opening pledged = verbAfter(folded, i + agent.length(), null, joined);
                    if (pledged.verb() == Verb.COMMITMENT) {
                        List<String> codes = statesOfMembers(folded, from, i);
                        Subject members = codes.isEmpty() ? null : new Subject(false, codes);
                        Subject subject = named != null ? Subject.union(named, members)
                                : members == null ? Subject.EVERY_PARTY : members;
                        return new Opening(subject, Verb.COMMITMENT, pledged.verbStart(), pledged.end(), joined);
                    }
                    if (coordinators.at(folded, i + agent.length()) != null) {
                        // "甲国共产党和乙国人民党一致同意…": another agent joined to this one; the phrase may run
                        // to the full span.
                        limit = Math.min(folded.length(), from + agentSpan);
                    }
                }
            }
        }
        return null;
    }

    /**
     * The states an agent phrase names at the start of its members joined by {@code subject.and}
     * ("甲国海关和乙国外交部" → both).
     */
    private List<String> statesOfMembers(String folded, int from, int to) {
        List<String> codes = new java.util.ArrayList<>();
        int[] end = new int[1];
        for (int at = from; at < to; at++) {
            boolean memberStart = at == from;
            if (!memberStart) {
                String and = coordinators.at(folded, at);
                if (and == null) {
                    continue;
                }
                at += and.length();
            }
            party(folded, at, end).stream().filter(code -> !codes.contains(code)).forEach(codes::add);
        }
        return List.copyOf(codes);
    }

    /**
     * "Компетентные органы двух стран будут …", "Министерства иностранных дел Сторон проведут …": in a spaced script
     * the agent noun comes first (within the clause's first {@value #MAX_AGENT_LEAD_WORDS} words), then up to
     * {@value #MAX_AGENT_COMPLEMENT_WORDS} words, then whose agents they are — the parties together
     * ({@code subject.agent-of}: every party) or named states — then a verb of commitment.
     */
    private Opening agentOfParties(String folded, int from, boolean joined) {
        int at = from;
        for (int lead = 0; lead < MAX_AGENT_LEAD_WORDS && at < folded.length(); lead++) {
            String agent = agentNouns.at(folded, at);
            if (agent != null && wordEndsAt(folded, at + agent.length())) {
                Opening pledged = ofParties(folded, skipSpaces(folded, at + agent.length()), joined);
                if (pledged != null) {
                    return pledged;
                }
            }
            at = nextWord(folded, at);
        }
        return null;
    }

    /**
     * "Секретариат ШОС будет …", "Евразийская экономическая комиссия проведет …", "Совет министров иностранных
     * дел продолжит …": a body of the organisation (or of the parties) named from a capital, its noun
     * ({@code subject.body}) within the first {@value #MAX_BODY_LEAD_WORDS} words, then up to
     * {@value #MAX_BODY_NAME_WORDS} words of its name and a verb of commitment, acts for every party. Null
     * otherwise, also when a relative word or a reporting verb comes first.
     */
    private Opening bodyOfOrganisation(String folded, int from, boolean joined) {
        if (from >= folded.length() || !Character.isUpperCase(folded.charAt(from))) {
            return null;
        }
        int at = from;
        for (int lead = 0; lead < MAX_BODY_LEAD_WORDS && at < folded.length(); lead++) {
            String body = bodyNouns.at(folded, at);
            if (body != null && wordEndsAt(folded, at + body.length())) {
                int next = skipSpaces(folded, at + body.length());
                for (int words = 0; words <= MAX_BODY_NAME_WORDS && next < folded.length(); words++) {
                    if (pledges != null && pledges.relativeAt(folded, next)) {
                        return null;
                    }
                    Opening pledged = verbAfter(folded, next, Subject.EVERY_PARTY, joined);
                    if (pledged.verb() != null) {
                        return pledged.verb() == Verb.COMMITMENT ? pledged : null;
                    }
                    next = nextWord(folded, next);
                }
                return null;
            }
            at = nextWord(folded, at);
        }
        return null;
    }

    /** Whose agents, within a few words, then a verb of commitment; null if the clause is not so built. */
    private Opening ofParties(String folded, int from, boolean joined) {
        int at = from;
        for (int words = 0; words <= MAX_AGENT_COMPLEMENT_WORDS && at < folded.length(); words++) {
            String ofParties = agentsOfParties.at(folded, at);
            int[] end = new int[1];
            List<String> codes = ofParties == null ? parties(folded, at, end) : List.of();
            if (ofParties != null || !codes.isEmpty()) {
                Subject subject = ofParties != null ? Subject.EVERY_PARTY : new Subject(false, codes);
                Opening pledged = verbAfter(folded, ofParties != null ? at + ofParties.length() : end[0], subject, joined);
                return pledged.verb() == Verb.COMMITMENT ? pledged : null;
            }
            at = nextWord(folded, at);
        }
        return null;
    }

    private boolean wordEndsAt(String folded, int at) {
        return at >= folded.length() || !Character.isLetterOrDigit(folded.charAt(at));
    }

    /** The start of the next word of the clause, or the text's end at a clause or sentence break. */
    private int nextWord(String folded, int from) {
        int at = from;
        while (at < folded.length() && !Character.isWhitespace(folded.charAt(at))) {
            char c = folded.charAt(at);
            if (punctuation.breaksClause(c) || punctuation.endsSentence(c) || punctuation.depthChange(c) != 0) {
                return folded.length();
            }
            at++;
        }
        return skipSpaces(folded, at);
    }

    /** Whether a conjunction that continues a subject ("and") stands at {@code at}. */
    public boolean conjunctionAt(String folded, int at) {
        return conjunctions.at(folded, at) != null;
    }

    /**
     * Whether the word before {@code at} (after spaces) is a preposition ({@code word.preposition}) left open by a
     * coordination of nouns ("our gratitude to and support for …"): what follows the conjunction is no verb.
     */
    public boolean afterOpenPreposition(String folded, int at) {
        int end = at;
        while (end > 0 && Character.isWhitespace(folded.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(folded.charAt(start - 1))) {
            start--;
        }
        String word = folded.substring(start, end);
        return !word.isEmpty() && openPrepositions.stream().anyMatch(word::equalsIgnoreCase);
    }

    /**
     * One party or several joined by a coordinator ("Казахстан и Китай", "中方和阿方"): all of them, so the second
     * is not read alone; the end goes to {@code end[0]}. Empty if no party stands at {@code from}.
     */
    private List<String> parties(String folded, int from, int[] end) {
        List<String> codes = new java.util.ArrayList<>();
        int[] next = new int[1];
        List<String> first = party(folded, from, next);
        int at = from;
        while (!first.isEmpty()) {
            first.stream().filter(code -> !codes.contains(code)).forEach(codes::add);
            at = next[0];
            int gap = skipSpaces(folded, at);
            String and = coordinators.at(folded, gap);
            if (and == null && spacedWords && gap < folded.length() && folded.charAt(gap) == ',') {
                // "Главы Казахстана, Киргизии и Узбекистана": a list of states, commas before its last "и".
                first = party(folded, skipSpaces(folded, gap + 1), next);
                continue;
            }
            if (and == null) {
                break;
            }
            first = party(folded, skipSpaces(folded, gap + and.length()), next);
        }
        end[0] = at;
        return List.copyOf(codes);
    }

    private List<String> party(String folded, int at, int[] end) {
        if (!spacedWords) {
            List<String> shortForm = shortFormParty(folded, at, end);
            return shortForm.isEmpty() ? namedState(folded, at, end) : shortForm;
        }
        String code = namedParty(folded, at, end);
        return code == null ? List.of() : List.of(code);
    }

    /** "中日两国": the length of a compound of the states' short forms before a subject of every party, else 0. */
    private int compoundBeforeEveryParty(String folded, int at) {
        if (spacedWords) {
            return 0;
        }
        int length = countries.compoundAt(folded, at, List.of()).size();
        return length > 0 && everyPartySubjects.at(folded, at + length) != null ? length : 0;
    }

    /**
     * "中美致力于…", "中俄将…": the states' short forms compounded as the subject of a verb (every state of the
     * compound), else none; "中美关系将…" is a relation, not a subject, and needs the verb right after the compound.
     */
    private List<String> compoundSubject(String folded, int at) {
        if (spacedWords) {
            return List.of();
        }
        List<String> codes = countries.compoundAt(folded, at, List.of());
        return !codes.isEmpty() && verbAfter(folded, at + codes.size(), null, false).verb() != null ? codes : List.of();
    }

    /** "俄方": one short form followed by the party suffix (every state it may stand for); end to {@code end[0]}. */
    private List<String> shortFormParty(String folded, int at, int[] end) {
        String suffix = shortFormSuffix;
        if (at < folded.length() && folded.startsWith(suffix, at + 1)) {
            List<String> codes = countries.codesOfShortForm(folded.charAt(at));
            if (!codes.isEmpty()) {
                end[0] = at + 1 + suffix.length();
            }
            return codes;
        }
        return List.of();
    }

    /**
     * "美国", "「美国」", "美国政府": a state named in full (quoted, as some copies write it, or followed by its
     * government), in a script without spaces; end to {@code end[0]}.
     */
    private List<String> namedState(String folded, int at, int[] end) {
        String quote = subjectQuotes.at(folded, at);
        int from = quote == null ? at : at + quote.length();
        String[] state = countries.subjectAt(folded, from);
        if (state == null) {
            return List.of();
        }
        int after = from + Integer.parseInt(state[1]);
        String unquote = quote == null ? null : subjectUnquotes.at(folded, after);
        end[0] = unquote == null ? after : after + unquote.length();
        String suffix = stateSuffixes.at(folded, end[0]);
        if (suffix != null) {
            end[0] += suffix.length();
        }
        return List.of(state[0]);
    }

    private static List<String> optional(Lexicon lexicon, String key) {
        return lexicon.has(key) ? lexicon.longestFirst(key) : List.of();
    }

    /** "China", "the Russian side", "Китайская сторона": an optional article, a state, an optional suffix. */
    private String namedParty(String folded, int from, int[] end) {
        int at = from;
        String article = articles.at(folded, at);
        if (article != null) {
            at = skipSpaces(folded, at + article.length());
        }
        String[] state = countries.subjectAt(folded, at);
        if (state == null) {
            return null;
        }
        at += Integer.parseInt(state[1]);
        int afterSpaces = skipSpaces(folded, at);
        String suffix = partySuffixes.at(folded, afterSpaces);
        end[0] = suffix != null ? afterSpaces + suffix.length() : at;
        return state[0];
    }

    /** Skips a bracketed aside right after the subject, e.g. "（以下简称“双方”）". */
    private int skipParenthetical(String folded, int at) {
        if (at >= folded.length() || punctuation.depthChange(folded.charAt(at)) <= 0) {
            return at;
        }
        int depth = 0;
        int limit = Math.min(folded.length(), at + MAX_PARENTHETICAL);
        for (int i = at; i < limit; i++) {
            depth += punctuation.depthChange(folded.charAt(i));
            if (depth == 0) {
                return i + 1;
            }
        }
        return at;
    }

    /**
     * "Президенты по итогам переговоров в Бишкеке приняли решение …": a short phrase of the occasion between a
     * subject and its verb ({@code subject.occasion}, up to {@value #MAX_OCCASION_WORDS} words in one clause); the
     * opening {@code without} it otherwise.
     */
    private Opening verbAfterOccasion(String folded, int from, Subject subject, boolean joined, Opening without) {
        int at = skipSpaces(folded, from);
        String occasion = occasions.at(folded, at);
        if (occasion == null) {
            return without;
        }
        at += occasion.length();
        for (int words = 0; words < MAX_OCCASION_WORDS && at < folded.length(); words++) {
            at = skipSpaces(folded, at);
            while (at < folded.length() && !Character.isWhitespace(folded.charAt(at))) {
                if (punctuation.breaksClause(folded.charAt(at)) || punctuation.endsSentenceAt(folded, at)) {
                    return without;
                }
                at++;
            }
            Opening after = verbAfter(folded, at, subject, joined);
            if (after.verb() != null) {
                return after.verb() == Verb.COMMITMENT ? after : without;
            }
        }
        return without;
    }

    /**
     * "Президент Казахстана … и Председатель КНР …": leaders named by office, state and name
     * ({@code subject.office}), joined by the language's "and", as a news copy names who agreed. Their states, the
     * end to {@code end[0]}; empty unless each names a state.
     */
    private List<String> officeHolders(String folded, int from, int[] end) {
        List<String> codes = new java.util.ArrayList<>();
        int at = from;
        while (true) {
            String office = offices.at(folded, at);
            if (office == null) {
                return List.of();
            }
            int[] stateEnd = new int[1];
            List<String> state = party(folded, skipSpaces(folded, at + office.length()), stateEnd);
            if (state.isEmpty()) {
                return List.of();
            }
            state.stream().filter(code -> !codes.contains(code)).forEach(codes::add);
            at = stateEnd[0];
            for (int words = 0; words < MAX_NAME_WORDS; words++) {
                int word = skipSpaces(folded, at);
                if (word >= folded.length() || !Character.isUpperCase(folded.charAt(word))) {
                    break;
                }
                at = word;
                while (at < folded.length() && (Character.isLetter(folded.charAt(at)) || folded.charAt(at) == '.'
                        || folded.charAt(at) == '-')) {
                    at++;
                }
            }
            end[0] = at;
            String and = coordinators.at(folded, skipSpaces(folded, at));
            if (and == null) {
                return List.copyOf(codes);
            }
            int next = skipSpaces(folded, skipSpaces(folded, at) + and.length());
            if (offices.at(folded, next) == null) {
                return List.copyOf(codes);
            }
            at = next;
        }
    }

    /** A subject of every party in round brackets at {@code at}, as an editor inserts it into a quote: "(Стороны)". */
    private boolean editorialSubjectAt(String folded, int at) {
        if (!spacedWords || at >= folded.length() || folded.charAt(at) != '(') {
            return false;
        }
        String inner = everyPartySubjects.at(folded, at + 1);
        int close = inner == null ? -1 : at + 1 + inner.length();
        return close > 0 && close < folded.length() && folded.charAt(close) == ')';
    }

    /**
     * A news copy quotes the statement ("«Стороны намерены …», — говорится в заявлении", "\"We will …,\" the
     * statement said"): in a spaced script the opening quotation mark before a clause is not part of its opening.
     */
    private int skipQuote(String folded, int at) {
        if (!spacedWords || at >= folded.length() || OPENING_QUOTES.indexOf(folded.charAt(at)) < 0) {
            return at;
        }
        return skipSpaces(folded, at + 1);
    }

    /**
     * A news agency's dateline before the first statement of its copy ("Вашингтон, 18 февраля /Синьхуа/ -- США и
     * Россия договорились …"): the date, the agency between the language's agency marks and a dash are no part
     * of the clause's opening.
     */
    private int skipWireDateline(String folded, int at) {
        if (wireDateline == null) {
            return at;
        }
        Matcher dateline = wireDateline.matcher(folded).region(at, folded.length());
        return dateline.lookingAt() ? dateline.end() : at;
    }

    private static int skipSpaces(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }
}
