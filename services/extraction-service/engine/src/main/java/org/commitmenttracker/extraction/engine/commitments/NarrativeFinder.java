package org.commitmenttracker.extraction.engine.commitments;

import java.time.LocalDate;
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
 * clause just before it ("双方重申，将…"). Lead-ins of lists (ending in a colon) are not commitments, unless they pledge
 * before they lead in ({@link #inLeadIn}); nor is a past
 * pledge its sentence places in an earlier time ({@link Recounts}).
 */
final class NarrativeFinder {
    private static final int MAX_SUBHEADING = 16;
    /** A narrative commitment: its span in the paragraph and the subject that binds it (null: none written). */
    record Found(Span span, Subject subject) {
    }

    private final Punctuation punctuation;
    private final ClauseOpenings openings;
    private final Sentences sentences;
    private final boolean subjectRequired;
    private final boolean wholeSentence;
    private final Recounts recounts;

    /**
     * {@code subjectRequired} (languages that write spaces between words): a verb of commitment opens a
     * commitment only after a subject of its own ("we will"), a conjunction continuing the sentence's subject
     * ("…, and will"), or a clause that is only a subject ("We, the Leaders, will"); a bare "will" in a relative
     * clause ("…, which will") states nobody's intent. {@code wholeSentence}: the language's communiqués state a
     * commitment as a whole sentence, subject and leading clauses included ("Главы государств, приветствуя …,
     * договорились …").
     */
    NarrativeFinder(Punctuation punctuation, ClauseOpenings openings, boolean subjectRequired, boolean wholeSentence,
                    Recounts recounts) {
        this.recounts = recounts;
        this.subjectRequired = subjectRequired;
        this.wholeSentence = wholeSentence;
        this.punctuation = punctuation;
        this.openings = openings;
        this.sentences = new Sentences(punctuation);
    }

    /**
     * {@code continued}: the subject a list item goes on from (its lead-in ends with it: "Стороны:"), which owns
     * the item's first sentence as the subject of a clause that is only a subject would; null for none.
     * {@code documentDate} (may be null) tells which time expressions lie in an earlier year.
     */
    List<Found> find(Paragraph paragraph, Subject continued, LocalDate documentDate) {
        String folded = paragraph.folded();
        List<Found> found = new ArrayList<>();
        if (!subjectRequired && subheading(paragraph)) {
            return found;
        }
        Subject pending = continued;
        for (Span sentence : sentences.sentences(folded)) {
            Recounts.InSentence recount = recounts.enabled() ? recounts.in(folded, sentence, documentDate) : null;
            Found commitment = punctuation.endsLeadIn(lastMark(folded, sentence))
                    ? inLeadIn(folded, sentence, recount)
                    : inSentence(folded, sentence, pending, recount);
            pending = null;
            while (commitment != null) {
                int other = subjectRequired ? -1 : otherPartyPledging(folded, commitment);
                if (other < 0) {
                    found.add(commitment);
                    break;
                }
                found.add(new Found(new Span(commitment.span().start(), other), commitment.subject()));
                commitment = inSentence(folded, new Span(other, commitment.span().end()), null, recount);
            }
        }
        return found;
    }

    /**
     * A lead-in is no commitment, but one that pledges before it leads in ("双方将发展…关系，致力于实现以下目标：") holds
     * one: a clause before the last opens with a verb of commitment. Only where the subject need not be written
     * (Chinese), whose lead-ins put a pledge and the list it opens in one sentence; the span keeps the lead.
     */
    private Found inLeadIn(String folded, Span sentence, Recounts.InSentence recount) {
        List<Span> clauses = sentences.clauses(folded, sentence);
        if (subjectRequired || clauses.size() < 2) {
            return null;
        }
        Span beforeLead = new Span(sentence.start(), clauses.get(clauses.size() - 1).start());
        // "双方商定，推动…以下方向：": a bare verb of agreement pledges nothing but the list it leads in.
        boolean pledgesSomething = clauses.subList(0, clauses.size() - 1).stream().anyMatch(clause -> {
            Opening opening = openings.at(folded, clause.start());
            return opening.verb() == Verb.COMMITMENT && opening.end() < clause.end() - 1;
        });
        Found pledge = pledgesSomething ? inSentence(folded, beforeLead, null, recount) : null;
        return pledge == null ? null : new Found(new Span(pledge.span().start(), sentence.end()), pledge.subject());
    }

    /**
     * "双方愿加强合作，法方愿加快…": a later clause in which another party pledges of its own starts a commitment of
     * its own, binding that party alone. Returns where, or -1 (Chinese, whose sentences join such pledges).
     */
    private int otherPartyPledging(String folded, Found commitment) {
        if (commitment.subject() == null) {
            return -1;
        }
        List<Span> clauses = sentences.clauses(folded, commitment.span());
        for (Span clause : clauses.subList(1, clauses.size())) {
            Opening opening = openings.at(folded, clause.start());
            if (opening.subject() != null && opening.verb() == Verb.COMMITMENT && !opening.joined()
                    && !opening.subject().equals(commitment.subject())) {
                return clause.start();
            }
        }
        return -1;
    }

    private Found inSentence(String folded, Span sentence, Subject continued, Recounts.InSentence recount) {
        List<Span> clauses = sentences.clauses(folded, sentence);
        Subject sentenceSubject = continued;
        Opening previous = null;
        Span previousClause = null;
        boolean subjectPending = continued != null;
        // The subjects of the clauses that were nothing but a subject, in a row ("Australia, India, Japan, and …").
        Subject enumerated = null;
        // Spaced scripts: the clause that names the subject a commitment continues, and whether a clause with a
        // subject of its own stands before that one (else the commitment takes the sentence from its start).
        int owner = -1;
        boolean subjectBeforeOwner = false;
        // "相信…，中国将…": after a clause of belief, a clause with a subject of its own says what is believed.
        boolean believed = false;
        // Chinese: the clause that named the sentence's subject with its condition ("成员国基于…原则，反对…，坚持…").
        int subjectClause = -1;
        for (Span clause : clauses) {
            Opening opening = openings.at(folded, clause.start());
            if (!subjectRequired && opening.verb() == Verb.COMMITMENT && opening.subject() == null
                    && openings.endsOnFrame(folded, clause.start(), clause.end(), sentence.end())) {
                // "…关系建立在…，恪守国际法等原则基础上。": the verb stands inside a frame ("在…基础上") that
                // closes the sentence; it states a basis, not a pledge.
                opening = new Opening(null, null, opening.verbStart(), opening.verbStart(), opening.joined());
            }
            if (!subjectRequired && opening.verb() == Verb.COMMITMENT && opening.subject() == null && sentenceSubject == null
                    && openings.visitProgrammeAt(folded, opening.end())) {
                // "访问期间，主席会见了…，将会见…，并访问…": what a visitor is to do next, in a sentence no party
                // speaks in, is the visit's programme, not a pledge.
                opening = new Opening(null, null, opening.verbStart(), opening.verbStart(), opening.joined());
            }
            if (!subjectRequired && opening.verb() == Verb.COMMITMENT && openings.takesAnOfficeAt(folded, opening.end())) {
                // "英国将于2005年担任欧盟轮值主席国": a term in a rotation, a meeting's host: a fact of the calendar.
                opening = new Opening(null, null, opening.verbStart(), opening.verbStart(), opening.joined());
            }
            if (!subjectRequired && opening.verb() == Verb.COMMITMENT && opening.subject() == null && sentenceSubject == null
                    && openings.afterCorrelativeFirst(folded, sentence.start(), clause.start())) {
                // "频繁的对话不仅可以…，还将为…提供新途径": the second half of "not only … but also" says what the
                // first half's subject, no party, will do: a prediction, not a pledge.
                opening = new Opening(null, null, opening.verbStart(), opening.verbStart(), opening.joined());
            }
            if (previousClause == null && (openings.exhorts(folded, opening)
                    || openings.definesItsVerbPhrase(folded, opening, clause.end()))) {
                return null;
            }
            if (believed && opening.subject() != null && opening.verb() == Verb.COMMITMENT) {
                previous = opening;
                previousClause = clause;
                continue;
            }
            if (subjectRequired && opening.subject() == null && opening.verb() == null && sentenceSubject == null
                    && previousClause != null && openings.opensWithPreposition(folded, sentence.start())) {
                Opening inLead = openings.subjectInContinuedLead(folded, clause.start(), clause.end());
                if (inLead != null) {
                    opening = inLead;
                    sentenceSubject = inLead.subject();
                }
            }
            believed |= openings.believesAt(folded, opening.verbStart());
            if (!subjectRequired && opening.verb() == null && previous != null && previous.verb() == Verb.REPORTING
                    && previous.end() == previousClause.end() - 1 && openings.reaffirmsAt(folded, previous.verbStart())
                    && openings.datedActionAt(folded, clause.start())) {
                // "双方重申，2027年底前完成…": the reaffirmed action with its deadline.
                opening = new Opening(null, Verb.COMMITMENT, clause.start(), clause.start(), false);
            }
            if (sentenceSubject == null && opening.subject() != null) {
                sentenceSubject = opening.subject();
                // "成员国基于…原则，…，坚持…": a subject whose own clause is a condition, not a statement.
                subjectClause = !subjectRequired && opening.verb() == null && openings.purposeAt(folded, opening.verbStart())
                        ? clause.start() : -1;
            }
            if (opening.subject() != null && !subjectPending) {
                subjectBeforeOwner |= owner >= 0;
                owner = clause.start();
            }
            boolean owned = !subjectRequired || opening.subject() != null || subjectPending
                    || (opening.joined() && sentenceSubject != null)
                    || reportedOfItsSubject(folded, previous, previousClause, clause, opening);
            // Only a clause that is nothing but a subject ("We, the Leaders,") leaves it to the next clause.
            boolean bareSubject = opening.verb() == null && opening.subject() != null
                    && onlySubject(folded, opening.end(), clause.end());
            Subject before = subjectPending ? enumerated : null;
            enumerated = bareSubject ? Subject.union(before, opening.subject()) : null;
            subjectPending = opening.verb() == null && (bareSubject || subjectPending);
            if (opening.verb() == Verb.COMMITMENT && owned && previousClause != null
                    && openings.statesAView(folded, previousClause.start(), previousClause.end())) {
                // "Стороны считают, что …будут…": an opinion of what will happen, not a pledge.
                return null;
            }
            boolean recounted = recount != null && opening.verb() == Verb.COMMITMENT && owned
                    && recount.recounts(clause, opening.verbStart());
            if (opening.verb() == Verb.COMMITMENT && owned && !recounted) {
                if (!subjectRequired && previousClause != null
                        && openings.reportsADocument(folded, previousClause.start(), previousClause.end())) {
                    return null;
                }
                boolean bareReport = previous != null && previous.verb() == Verb.REPORTING
                        && previous.end() == previousClause.end() - 1;
                // "为深化合作，双方将…": a commitment keeps the clauses of purpose or condition its sentence opens with.
                boolean purposeFirst = !subjectRequired && previous != null && opening.subject() != null
                        && sentenceSubject == opening.subject() && openings.purposeAt(folded, sentence.start());
                int start = wholeSentence || purposeFirst ? sentence.start()
                        : subjectRequired ? ownedStart(sentence, owner, subjectBeforeOwner, clause.start())
                        : bareReport ? previousClause.start()
                        : opening.subject() == null && subjectClause >= 0 && !opening.joined() ? subjectClause
                        : clause.start();
                Subject subject = opening.subject() != null ? opening.subject() : sentenceSubject;
                if (opening.joined() && before != null) {
                    // "Chile, Colombia, and Peru will …": the last of an enumeration of
                    // subjects binds them all.
                    subject = Subject.union(before, subject);
                }
                return new Found(new Span(start, sentence.end()), subject);
            }
            if (recount != null) {
                recount.passed(clause);
            }
            if (subjectRequired && sentenceSubject != null) {
                int joined = joinedCommitment(folded, clause, opening.end());
                if (joined >= 0 && !(recount != null
                        && recount.recounts(new Span(joined, clause.end()), openings.at(folded, joined).verbStart()))) {
                    int start = wholeSentence ? sentence.start() : ownedStart(sentence, owner, subjectBeforeOwner, joined);
                    return new Found(new Span(start, sentence.end()), sentenceSubject);
                }
            }
            previous = opening;
            previousClause = clause;
        }
        return null;
    }

    /**
     * "Стороны отметили, что планируют …": a clause without a subject, opened by a complementizer right after a
     * clause in which a subject reports, says what that subject does; so does one opened by a relative word of the
     * document the clause before has its subject sign ("Лидеры подписали декларацию, в которой договорились …").
     */
    private boolean reportedOfItsSubject(String folded, Opening previous, Span previousClause, Span clause, Opening opening) {
        if (previous == null || previous.subject() == null || opening.subject() != null) {
            return false;
        }
        return previous.verb() == Verb.REPORTING && openings.complementizerAt(folded, clause.start())
                || openings.documentRelativeAt(folded, clause.start())
                        && openings.namesADocument(folded, previousClause.start(), previousClause.end());
    }

    /**
     * Where a commitment of a spaced script starts: with the clause that names its subject, so "…, and will"
     * keeps "We reaffirm …" before it; and with the sentence when no other subject precedes that clause, so
     * leading clauses of purpose, condition or circumstance stay ("For that purpose, we will …", "Aware of …, we
     * commit …"). A second statement with its own subject ("We note X, and we will Y") starts at its clause.
     */
    private static int ownedStart(Span sentence, int owner, boolean subjectBeforeOwner, int fallback) {
        if (owner < 0) {
            return fallback;
        }
        return subjectBeforeOwner ? owner : sentence.start();
    }

    /**
     * "We welcome the meeting … and agree to meet again …": inside a clause, a conjunction followed by a verb of
     * commitment continues the sentence's subject with a commitment of its own. Returns where it starts, or -1.
     */
    private int joinedCommitment(String folded, Span clause, int from) {
        for (int at = Math.max(from, clause.start() + 1); at < clause.end(); at++) {
            if (Character.isWhitespace(folded.charAt(at - 1)) && openings.conjunctionAt(folded, at)
                    && !openings.afterOpenPreposition(folded, at)) {
                Opening opening = openings.at(folded, at);
                if (opening.joined() && opening.verb() == Verb.COMMITMENT) {
                    return at;
                }
            }
        }
        return -1;
    }

    /** Whether nothing but spaces and the clause's closing mark follow {@code from} up to {@code end}. */
    private boolean onlySubject(String folded, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = folded.charAt(i);
            if (!Character.isWhitespace(c) && !(i == end - 1 && punctuation.breaksClause(c))) {
                return false;
            }
        }
        return true;
    }

    /**
     * "坚持高层引领" on a line of its own between paragraphs: a news copy's subheading names a topic; without a
     * subject or a mark of punctuation it states no pledge (Chinese, whose headings may open with a verb).
     */
    private boolean subheading(Paragraph paragraph) {
        String text = paragraph.folded().strip();
        if (paragraph.role() != Paragraph.Role.PROSE || text.isEmpty() || text.length() > MAX_SUBHEADING
                || openings.at(text, 0).subject() != null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (punctuation.breaksClause(text.charAt(i)) || punctuation.endsSentenceAt(text, i)) {
                return false;
            }
        }
        return true;
    }

    /** The sentence's last mark that is not a space. */
    private static char lastMark(String folded, Span sentence) {
        int end = sentence.end() - 1;
        while (end > sentence.start() && Character.isWhitespace(folded.charAt(end))) {
            end--;
        }
        return folded.charAt(end);
    }
}
