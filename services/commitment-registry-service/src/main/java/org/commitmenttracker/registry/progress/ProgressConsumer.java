package org.commitmenttracker.registry.progress;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.InvalidEventException;
import org.commitmenttracker.events.ProgressReported;
import org.commitmenttracker.registry.progress.ProgressReports.Arrival;
import org.commitmenttracker.service.deadletter.BatchDeadLetters;
import org.commitmenttracker.service.security.Caller;
import org.commitmenttracker.service.security.CallerTokenConverter;
import org.commitmenttracker.service.security.Role;
import org.commitmenttracker.service.security.TokenClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * {@code applyProgress} on {@code progress}, in batch mode: every poll's reports are applied together (one read
 * of their commitments, one bulk write; see {@link ProgressReports#applyAll}), in offset order, so the reports of
 * one commitment (one key, one partition) keep their order. The same validation as over HTTP.
 * <p>Every record carries its agency's token, as HTTP does: the header {@value #AUTHORIZATION} with
 * {@code Bearer <JWT>}. It is verified by the same decoder as HTTP tokens (issuer, signature, audience, expiry), its
 * times judged at the record's timestamp within {@code tracker.security.jwt.record-grace} ({@link TokenClock}:
 * a consumer running behind still accepts what was valid when sent), must hold
 * the {@code agency} role, and the report must be for the token's {@code agency_id}; then the assignment rule
 * applies as over HTTP. A record without a token, with a forged, expired or non-agency one, or with another
 * agency's report is refused like any invalid report. Dead letters never keep the token.
 * <p>A report the registry refuses, or a record that is not a progress event, is dead-lettered to
 * {@code progress.registry.dlq} with the reason and the rest of the poll is applied; a poll that fails as a whole
 * is redelivered ({@link BatchDeadLetters}).
 */
@Configuration
class ProgressConsumer {
    /** The record header with the sender's token: {@code Bearer <JWT>}, as in HTTP's Authorization header. */
    static final String AUTHORIZATION = BatchDeadLetters.AUTHORIZATION;

    @Bean
    Consumer<Message<List<byte[]>>> applyProgress(ProgressReports reports, EventCodec codec,
                                                  BatchDeadLetters deadLetters, JwtDecoder decoder,
                                                  CallerTokenConverter callers, TokenClock tokenClock) {
        VerifiedTokens tokens = new VerifiedTokens(decoder, tokenClock.clock());
        return batch -> {
            List<ConsumerRecord<?, ?>> records = BatchDeadLetters.records(batch);
            List<Arrival> arrivals = new ArrayList<>(records.size());
            List<ConsumerRecord<?, ?>> arrived = new ArrayList<>(records.size());
            for (ConsumerRecord<?, ?> record : records) {
                try {
                    // The sender first: nothing of an unauthenticated record is parsed.
                    Caller sender = tokenClock.judgingRecord(sentAt(record), () -> sender(record, tokens, callers));
                    EventEnvelope<ProgressReported> event = codec.decode((byte[]) record.value(), ProgressReported.class);
                    ProgressReported data = event.data();
                    arrivals.add(new Arrival(data.commitmentId(), new ProgressSubmission(event.id().toString(),
                            data.agencyId(), data.status(), data.percentComplete(), data.note(), data.evidenceUrls(),
                            data.occurredAt()), event.traceparent(), sender.agencyId()));
                    arrived.add(record);
                } catch (InvalidEventException e) {
                    deadLetters.send(record, e);
                }
            }
            List<RuntimeException> refused = reports.applyAll(arrivals);
            for (int i = 0; i < refused.size(); i++) {
                if (refused.get(i) != null) {
                    InvalidEventException reason = new InvalidEventException("Progress report "
                            + arrivals.get(i).submission().eventId() + " refused: " + refused.get(i).getMessage(), refused.get(i));
                    deadLetters.send(arrived.get(i), reason);
                }
            }
        };
    }

    /** When the record was sent, by its timestamp; {@code null} when it has none. */
    static Instant sentAt(ConsumerRecord<?, ?> record) {
        return record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp());
    }

    /**
     * The agency system that sent {@code record}, from its {@value #AUTHORIZATION} header.
     *
     * @throws InvalidEventException without a token, with one the decoder refuses, or with one that is not an
     *                               agency's
     */
    static Caller sender(ConsumerRecord<?, ?> record, JwtDecoder tokens, CallerTokenConverter callers) {
        String where = "Progress record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " refused: ";
        Header header = null;
        for (Header candidate : record.headers()) {
            if (candidate.key().equalsIgnoreCase(AUTHORIZATION)) {
                header = candidate; // header names are case-sensitive in Kafka; HTTP's spelling is welcome too
            }
        }
        String value = header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8).strip();
        if (value.isEmpty()) {
            throw new InvalidEventException(where + "it carries no token (header " + AUTHORIZATION + ": Bearer <JWT>).");
        }
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidEventException(where + "its " + AUTHORIZATION + " header is not 'Bearer <JWT>'.");
        }
        Jwt token;
        try {
            token = tokens.decode(value.substring(7).strip());
        } catch (BadJwtException e) {
            // Forged (not signed by the issuer), expired, or not a JWT at all. Any other JwtException (the issuer's
            // keys cannot be fetched) fails the poll, which is redelivered: the report itself may be fine.
            throw new InvalidEventException(where + "its token is not valid: " + e.getMessage(), e);
        }
        Caller caller = (Caller) callers.convert(token).getPrincipal();
        if (!caller.has(Role.AGENCY) || caller.agencyId() == null) {
            throw new InvalidEventException(where + "its token is not an agency's (role agency with an agency_id).");
        }
        return caller;
    }
}
