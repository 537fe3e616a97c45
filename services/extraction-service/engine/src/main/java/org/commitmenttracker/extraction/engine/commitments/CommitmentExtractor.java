package org.commitmenttracker.extraction.engine.commitments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.extraction.engine.Commitment;
import org.commitmenttracker.extraction.engine.CommitmentIds;
import org.commitmenttracker.extraction.engine.TimeSpan;
import org.commitmenttracker.extraction.engine.gazetteer.Organisations;
import org.commitmenttracker.extraction.engine.language.ClauseOpenings.Subject;
import org.commitmenttracker.extraction.engine.language.LanguageProfile;
import org.commitmenttracker.extraction.engine.language.Lexicon;
import org.commitmenttracker.extraction.engine.structure.Block;
import org.commitmenttracker.extraction.engine.structure.DocumentStructure;
import org.commitmenttracker.extraction.engine.structure.ListKind;
import org.commitmenttracker.extraction.engine.text.Paragraph;
import org.commitmenttracker.extraction.engine.text.SourceOffsets;

/**
 * Turns a document's blocks into commitments in reading order: every item of an agreed list, and every
 * narrative commitment of its running paragraphs, each with what it references. Items of a signed list are
 * collected apart as signed instruments.
 */
public final class CommitmentExtractor {
    /** Commitments in reading order and the signed instruments. */
    public record Extraction(List<Commitment> commitments, List<String> signedInstruments) {
    }

    private final LanguageProfile profile;
    private final Organisations organisations;
    private final NarrativeFinder narratives;
    private final InstrumentTitles titles;
    private final NamedInstruments namedInstruments;
    private final UnquotedInstruments unquotedInstruments;
    private final List<String> signedInText;
    private final Lexicon.PhraseIndex ownVoice;
    private final Lexicon.PhraseIndex otherVoice;

    public CommitmentExtractor(LanguageProfile profile, Organisations organisations) {
        this.profile = profile;
        this.organisations = organisations;
        this.narratives = new NarrativeFinder(profile.punctuation(), profile.openings(), profile.spacedWords(),
                profile.lexicon().has("narrative.whole-sentence"), new Recounts(profile.lexicon(), profile.dates()));
        this.titles = new InstrumentTitles(profile.punctuation(), profile.lexicon().listOrEmpty("instrument.head"));
        this.namedInstruments = new NamedInstruments(profile.lexicon());
        this.unquotedInstruments = new UnquotedInstruments(profile.lexicon());
        this.signedInText = profile.lexicon().listOrEmpty("signed.in-text");
        this.ownVoice = new Lexicon.PhraseIndex(profile.lexicon().listOrEmpty("subject.own-voice"));
        this.otherVoice = new Lexicon.PhraseIndex(profile.lexicon().listOrEmpty("subject.other-voice"));
    }

    public Extraction extract(String documentId, DocumentStructure structure, List<String> documentParties,
                              LocalDate documentDate) {
        Draft draft = new Draft(documentId, documentParties, documentDate);
        draft.firstPerson = structure.blocks().stream().anyMatch(block -> opensInVoice(block, ownVoice));
        List<String> signed = new ArrayList<>();
        String leadIn = null;
        Subject leadSubject = null;
        for (Block block : structure.blocks()) {
            if (block instanceof Block.Item item && item.list() == ListKind.SIGNED) {
                signed.add(signedTitle(item.paragraph()));
            } else if (block instanceof Block.Item item && item.list() == ListKind.AGREED) {
                if (item.leadIn() != leadIn) {
                    // Once per list, not per item: a list shares its lead-in, however long either is.
                    leadIn = item.leadIn();
                    leadSubject = subjectOfLeadIn(leadIn);
                }
                Subject own = itemSubject(item.paragraph().folded());
                Subject subject = own != null ? own : leadSubject;
                draft.add(Commitment.Kind.BULLET, item.section(), item.paragraph().text(), item.paragraph().folded(),
                        item.paragraph().sources(), subject);
            } else if (block instanceof Block.Prose prose) {
                addNarratives(draft, prose.section(), prose.paragraph(), null);
                signed.addAll(signedInRunningText(prose.paragraph()));
            } else if (block instanceof Block.Item item && item.list() == ListKind.UNMARKED) {
                // "（一）双方将…" under a part without lead-in: no agreed item, but a paragraph of running text; after
                // a lead-in that ends with its subject ("Стороны:"), the text goes on from that subject.
                Subject alone = item.leadIn() == null ? null : profile.openings().subjectAlone(item.leadIn());
                addNarratives(draft, item.section(), item.paragraph(), alone);
            }
        }
        return new Extraction(draft.commitments, signed);
    }

    /**
     * "会谈后，双方签署了《…协定》和《…备忘录》": the titles a sentence of running text reports as signed, after
     * a signing verb in the past ({@code signed.in-text}); "双方将签署《…》" is a pledge, not a signing.
     */
    private List<String> signedInRunningText(Paragraph paragraph) {
        List<String> found = new ArrayList<>();
        if (signedInText.isEmpty()) {
            return found;
        }
        String folded = paragraph.folded();
        for (Span sentence : new Sentences(profile.punctuation()).sentences(folded)) {
            String sentenceText = folded.substring(sentence.start(), sentence.end());
            int cue = signedInText.stream().mapToInt(sentenceText::indexOf).filter(at -> at >= 0).min().orElse(-1);
            if (cue >= 0) {
                int from = sentence.start() + cue;
                String text = paragraph.text().substring(from, sentence.end());
                List<String> named = instruments(text, folded.substring(from, sentence.end()));
                if (named.isEmpty()) {
                    continue;
                }
                // The names the verb governs: up to the clause break after the first one ("…, в соответствии с
                // которым …" goes on about something else).
                int limit = text.indexOf(named.get(0)) + named.get(0).length();
                while (limit < text.length() && !profile.punctuation().breaksClause(text.charAt(limit))) {
                    limit++;
                }
                int end = limit;
                named.stream().filter(title -> text.indexOf(title) >= 0 && text.indexOf(title) < end).forEach(found::add);
            }
        }
        return found;
    }

    private void addNarratives(Draft draft, Integer section, Paragraph paragraph, Subject continued) {
        for (NarrativeFinder.Found found : narratives.find(paragraph, continued, draft.documentDate)) {
            Span span = trimmed(paragraph.text(), found.span());
            if (draft.firstPerson && otherVoice.at(paragraph.folded(), span.start()) != null) {
                // "We …" speaks for the parties; "They seek to …" in the same text speaks of others.
                continue;
            }
            draft.add(Commitment.Kind.NARRATIVE, section, paragraph.text().substring(span.start(), span.end()),
                    paragraph.folded().substring(span.start(), span.end()),
                    paragraph.sources().slice(span.start(), span.end()), found.subject());
        }
    }

    /** Whether a sentence of the block opens with a subject of the given voice ("We …"). */
    private boolean opensInVoice(Block block, Lexicon.PhraseIndex voice) {
        Paragraph paragraph = block instanceof Block.Prose prose ? prose.paragraph()
                : block instanceof Block.Item item ? item.paragraph() : null;
        if (paragraph == null) {
            return false;
        }
        String folded = paragraph.folded();
        return new Sentences(profile.punctuation()).sentences(folded).stream()
                .anyMatch(sentence -> voice.at(folded, sentence.start()) != null);
    }

    /** The subjects opening an item's sentences together ("中方感谢…。阿方将…" binds both), or null. */
    private Subject itemSubject(String folded) {
        Subject subject = null;
        for (Span sentence : new Sentences(profile.punctuation()).sentences(folded)) {
            subject = Subject.union(subject, profile.openings().at(folded, sentence.start()).subject());
        }
        return subject;
    }

    /** The subject of a list's lead-in ("双方商定："), which binds every item that names none of its own. */
    private Subject subjectOfLeadIn(String leadIn) {
        if (leadIn == null) {
            return null;
        }
        for (Span clause : new Sentences(profile.punctuation()).clauses(leadIn, new Span(0, leadIn.length()))) {
            Subject subject = profile.openings().at(leadIn, clause.start()).subject();
            if (subject != null) {
                return subject;
            }
        }
        return null;
    }

    /**
     * The instruments a text refers to, in order of mention, each once: titles in brackets and, where the
     * language names them without brackets ("the Paris Agreement"), named instruments.
     */
    private List<String> instruments(String text, String folded) {
        List<String> bracketed = titles.in(text, folded);
        if (!namedInstruments.enabled() && !unquotedInstruments.enabled()) {
            return bracketed;
        }
        List<NamedInstruments.Found> found = new ArrayList<>(namedInstruments.enabled() ? namedInstruments.in(text)
                : unquotedInstruments.in(text));
        if (found.isEmpty()) {
            return bracketed;
        }
        for (String title : bracketed) {
            found.add(new NamedInstruments.Found(Math.max(0, text.indexOf(title)), title));
        }
        found.sort(java.util.Comparator.comparingInt(NamedInstruments.Found::start));
        List<String> titles = List.copyOf(new java.util.LinkedHashSet<>(found.stream().map(NamedInstruments.Found::title).toList()));
        // "the Ten-Point Consensus" after "the OAS Ten-Point Consensus": the same instrument, named short.
        return titles.stream().filter(title -> titles.stream().noneMatch(other -> other.endsWith(" " + title))).toList();
    }

    /** A signed document is listed by its title: the brackets and a closing mark are not part of it. */
    private String signedTitle(Paragraph item) {
        List<String> inItem = titles.in(item.text(), item.folded());
        String text = item.text();
        int end = text.length();
        while (end > 0 && (profile.punctuation().endsSentence(text.charAt(end - 1))
                || profile.punctuation().breaksClause(text.charAt(end - 1)))) {
            end--;
        }
        String bare = text.substring(0, end).strip();
        boolean onlyTitle = inItem.size() == 1 && bare.length() == inItem.get(0).length() + 2;
        return onlyTitle ? inItem.get(0) : bare;
    }

    private static Span trimmed(String text, Span span) {
        int start = span.start();
        int end = span.end();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end);
    }

    /** Collects commitments, numbering them and giving each its stable id. */
    private final class Draft {
        private final String documentId;
        private final List<String> documentParties;
        private final LocalDate documentDate;
        private final List<Commitment> commitments = new ArrayList<>();
        /** Whether the text speaks for the parties in the first person ("We …"). */
        private boolean firstPerson;
        private final Map<String, Integer> occurrences = new HashMap<>();

        Draft(String documentId, List<String> documentParties, LocalDate documentDate) {
            this.documentId = documentId;
            this.documentParties = documentParties;
            this.documentDate = documentDate;
        }

        /** {@code sources}: where each character of {@code text} stands in the text as ingested. */
        void add(Commitment.Kind kind, Integer section, String text, String folded, SourceOffsets sources, Subject subject) {
            if (text.isBlank()) {
                return;
            }
            int occurrence = occurrences.merge(CommitmentIds.normalise(text), 1, Integer::sum);
            List<String> named = organisations.namedIn(folded);
            commitments.add(new Commitment(CommitmentIds.of(documentId, text, occurrence), kind, section,
                    commitments.size() + 1, text, partiesOf(subject), instruments(text, folded), named,
                    profile.topics().topicsOf(folded, !named.isEmpty()), timeExpressions(text, folded, sources),
                    sources.start(0), sources.end(text.length())));
        }

        /** The time expressions of a commitment, each located in the text as ingested. */
        private List<TimeSpan> timeExpressions(String text, String folded, SourceOffsets sources) {
            return profile.dates().find(text, folded, documentDate).stream()
                    .map(time -> time.locatedAt(sources.start(time.sourceStart()), sources.end(time.sourceEnd())))
                    .toList();
        }

        private List<String> partiesOf(Subject subject) {
            return subject == null ? documentParties : subject.parties(documentParties);
        }
    }
}
