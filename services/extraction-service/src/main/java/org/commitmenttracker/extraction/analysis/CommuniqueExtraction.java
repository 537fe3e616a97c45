package org.commitmenttracker.extraction.analysis;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.commitmenttracker.events.CommitmentExtracted;
import org.commitmenttracker.events.CommuniqueAnalysed;
import org.commitmenttracker.events.CommuniqueReceived;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.EventIds;
import org.commitmenttracker.events.InvalidEventException;
import org.commitmenttracker.events.TimeExpression;
import org.commitmenttracker.events.Traceparent;
import org.commitmenttracker.extraction.engine.Commitment;
import org.commitmenttracker.extraction.engine.CommuniqueAnalysis;
import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.extraction.engine.SourceDocument;
import org.commitmenttracker.service.outbox.OutboxMessage;
import org.commitmenttracker.service.outbox.OutboxRelay;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Analyses a received communiqué and stores the analysis together with one {@code CommitmentExtracted} per
 * commitment (one atomic document write). Event ids derive from commitment id and engine version, so a
 * redelivered communiqué produces the same events, and an analysis already made by this engine is kept.
 */
@Service
public class CommuniqueExtraction {
    static final String SOURCE = "/services/extraction";

    private final CommuniqueAnalyzer analyzer;
    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final EventCodec codec;
    private final Clock clock;

    public CommuniqueExtraction(CommuniqueAnalyzer analyzer, MongoTemplate mongo, OutboxRelay relay, EventCodec codec,
                                Clock clock) {
        this.analyzer = analyzer;
        this.mongo = mongo;
        this.relay = relay;
        this.codec = codec;
        this.clock = clock;
    }

    public AnalysisRecord extract(EventEnvelope<CommuniqueReceived> received) {
        CommuniqueReceived communique = received.data();
        AnalysisRecord existing = mongo.findById(communique.documentId(), AnalysisRecord.class);
        if (existing != null && CommuniqueAnalyzer.VERSION.equals(existing.engineVersion())) {
            return existing;
        }
        CommuniqueAnalysis analysis = analysed(communique);
        Instant now = clock.instant();
        String traceparent = Traceparent.childOf(received.traceparent());
        List<OutboxMessage> events = new ArrayList<>();
        for (Commitment commitment : analysis.commitments()) {
            events.add(OutboxMessage.of(EventEnvelope.of(
                    EventIds.of("commitment.extracted", commitment.id(), CommuniqueAnalyzer.VERSION), SOURCE,
                    toEvent(communique.documentId(), analysis, commitment), now, traceparent), codec));
        }
        // Last, so a consumer that sees it knows the full set this engine version found.
        events.add(OutboxMessage.of(EventEnvelope.of(
                EventIds.of("communique.analysed", communique.documentId(), CommuniqueAnalyzer.VERSION), SOURCE,
                new CommuniqueAnalysed(communique.documentId(), CommuniqueAnalyzer.VERSION,
                        analysis.commitments().stream().map(Commitment::id).toList(), now), now, traceparent), codec));
        String reason = analysis.commitments().isEmpty() ? noCommitmentReason(analysis) : null;
        AnalysisRecord record = new AnalysisRecord(communique.documentId(), CommuniqueAnalyzer.VERSION,
                received.id().toString(), analysis, reason, now, events);
        mongo.save(record);
        relay.publishSoon(AnalysisRecord.COLLECTION, record.documentId());
        return record;
    }

    /**
     * The engine's analysis. It reads any text (the hostile-input suite), so a failure here is a defect that the
     * communiqué triggers: refused with the reason, as a record that is no valid event is, never retried forever.
     */
    private CommuniqueAnalysis analysed(CommuniqueReceived communique) {
        try {
            return analyzer.analyze(new SourceDocument(communique.documentId(), communique.text(), communique.title(),
                    communique.language(), communique.publishedOn()));
        } catch (RuntimeException e) {
            throw new InvalidEventException("The extraction engine " + CommuniqueAnalyzer.VERSION
                    + " could not read communiqué " + communique.documentId() + ": " + e, e);
        }
    }

    public Optional<AnalysisRecord> find(String documentId) {
        return Optional.ofNullable(mongo.findById(documentId, AnalysisRecord.class));
    }

    private static String noCommitmentReason(CommuniqueAnalysis analysis) {
        return analysis.signedInstruments().isEmpty()
                ? "No agreement cue with bullets and no sentence of future intent was found."
                : "Only a list of signed documents was found; signed documents are not commitments.";
    }

    static CommitmentExtracted toEvent(String documentId, CommuniqueAnalysis analysis, Commitment commitment) {
        return new CommitmentExtracted(commitment.id(), documentId, analysis.document().title(),
                analysis.document().date(), commitment.kind().label(), commitment.section(), commitment.ordinal(),
                commitment.text(), commitment.parties(), commitment.instruments(), commitment.organisations(),
                commitment.topics(),
                commitment.timeExpressions().stream()
                        .map(t -> new TimeExpression(t.text(), t.start(), t.end(), t.past())).toList(),
                CommuniqueAnalyzer.VERSION);
    }
}
