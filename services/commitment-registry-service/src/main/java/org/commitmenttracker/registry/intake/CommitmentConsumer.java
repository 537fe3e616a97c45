package org.commitmenttracker.registry.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commitmenttracker.events.CommitmentExtracted;
import org.commitmenttracker.events.CommuniqueAnalysed;
import org.commitmenttracker.events.CommuniqueWithdrawn;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.InvalidEventException;
import org.commitmenttracker.events.Traceparent;
import org.commitmenttracker.registry.agencies.AssignmentRules;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.commitmenttracker.registry.lifecycle.Outcome;
import org.commitmenttracker.registry.lineage.LineageLinker;
import org.commitmenttracker.registry.store.Commitments;
import org.commitmenttracker.registry.store.Commitments.Step;
import org.commitmenttracker.service.deadletter.BatchDeadLetters;
import org.commitmenttracker.service.trace.TraceContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code registerCommitments} on {@code commitments}, in batch mode: registers new commitments as PLEDGED and
 * refreshes the facts of known ones (never their status, history or analysts' corrections), a poll's worth at a
 * time (one read of their commitments, a bulk insert and a bulk write: {@link Commitments#updateAll}); and withdraws
 * those a newer analysis of their document no longer finds ({@code communique.analysed.v1}, after the
 * registrations before it in the poll; one older than an analysis applied already is ignored), then links the
 * document's commitments to earlier communiqués'
 * ({@link LineageLinker}). A record that is not a valid event is dead-lettered with the reason
 * ({@link BatchDeadLetters}). {@code withdrawCommuniques} on {@code communiques}, in batch mode too: a withdrawn
 * communiqué withdraws its commitments. Both idempotent.
 */
@Configuration
class CommitmentConsumer {

    @Bean
    Consumer<Message<List<byte[]>>> registerCommitments(Commitments commitments, CommuniqueWithdrawal withdrawal,
                                                        LineageLinker linker, AssignmentRules rules, EventCodec codec, DeadlinePolicy policy,
                                                        Clock clock, BatchDeadLetters deadLetters) {
        return batch -> {
            Registrations pending = new Registrations();
            Consumer<Refusal> deadLetter = refused -> deadLetters.send(refused.record(), refused.reason());
            for (ConsumerRecord<?, ?> record : BatchDeadLetters.records(batch)) {
                byte[] payload = (byte[]) record.value();
                try {
                    EventEnvelope<? extends EventData> any = codec.decode(payload);
                    if (any.data() instanceof CommuniqueAnalysed) {
                        EventEnvelope<CommuniqueAnalysed> analysed = codec.decode(payload, CommuniqueAnalysed.class);
                        pending.register(commitments).forEach(deadLetter); // the commitments before it first
                        try (TraceContext.Scope trace = TraceContext.continueFrom(analysed.traceparent())) {
                            if (withdrawal.withdrawDropped(analysed)) { // an older analysis links nothing either
                                linker.linkCommunique(analysed.data().documentId(), analysed.data().commitmentIds());
                            }
                        }
                        continue;
                    }
                    EventEnvelope<CommitmentExtracted> event = codec.decode(payload, CommitmentExtracted.class);
                    ExtractedFacts facts = ExtractedFacts.of(event.data());
                    String id = event.data().commitmentId();
                    String eventId = event.id().toString();
                    // Read here, not in the step: a step's failure is a refusal, the store's must fail the poll.
                    List<String> agencies = rules.agenciesFor(facts);
                    pending.add(id, record, new Step(current -> current.reextracted(facts, eventId, policy, clock.instant()),
                            () -> registered(id, facts, eventId, agencies, policy, clock),
                            Traceparent.childOf(event.traceparent())));
                } catch (InvalidEventException e) {
                    deadLetter.accept(new Refusal(record, e));
                }
            }
            pending.register(commitments).forEach(deadLetter);
            linker.linkCompleted(); // communiqués whose last commitments this poll registered
        };
    }

    /** A record refused, and why. */
    private record Refusal(ConsumerRecord<?, ?> record, InvalidEventException reason) {
    }

    /** The registrations of a poll not written yet, per commitment in poll order, with the records they came from. */
    private static final class Registrations {
        private final Map<String, List<Step>> steps = new LinkedHashMap<>();
        private final Map<String, List<ConsumerRecord<?, ?>>> records = new HashMap<>();

        void add(String commitmentId, ConsumerRecord<?, ?> record, Step step) {
            steps.computeIfAbsent(commitmentId, id -> new ArrayList<>()).add(step);
            records.computeIfAbsent(commitmentId, id -> new ArrayList<>()).add(record);
        }

        /** Writes them ({@link Commitments#updateAll}) and forgets them; returns those the domain refused. */
        List<Refusal> register(Commitments commitments) {
            if (steps.isEmpty()) {
                return List.of();
            }
            List<Refusal> refusals = new ArrayList<>();
            commitments.updateAll(steps).forEach((id, refused) -> {
                for (int i = 0; i < refused.size(); i++) {
                    if (refused.get(i) != null) {
                        refusals.add(new Refusal(records.get(id).get(i), new InvalidEventException(
                                "Commitment " + id + " refused: " + refused.get(i).getMessage(), refused.get(i))));
                    }
                }
            });
            steps.clear();
            records.clear();
            return refusals;
        }
    }

    /** PLEDGED, assigned to the agencies the operators' rules name for its section and topics. */
    private static Outcome registered(String id, ExtractedFacts facts, String eventId, List<String> agencies,
                                      DeadlinePolicy policy, Clock clock) {
        Outcome registered = Commitment.register(id, facts, Commitment.EXTRACTION, "extracted from " + facts.documentId(),
                eventId, Set.of(), policy, clock.instant());
        return agencies.isEmpty() ? registered
                : registered.next().assign(agencies, "assignment-rules", clock.instant()).withStatusChangesOf(registered);
    }

    /**
     * In batch mode like the others, for their error handling: a record that is no valid event is dead-lettered
     * ({@link BatchDeadLetters}); a store failure fails the poll, which is redelivered until the store is back
     * instead of dead-lettering a valid withdrawal half applied (withdrawing again changes nothing twice).
     */
    @Bean
    Consumer<Message<List<byte[]>>> withdrawCommuniques(CommuniqueWithdrawal withdrawal, EventCodec codec,
                                                        BatchDeadLetters deadLetters) {
        return batch -> {
            for (ConsumerRecord<?, ?> record : BatchDeadLetters.records(batch)) {
                byte[] payload = (byte[]) record.value();
                EventEnvelope<CommuniqueWithdrawn> withdrawn;
                try {
                    EventEnvelope<? extends EventData> event = codec.decode(payload);
                    if (!(event.data() instanceof CommuniqueWithdrawn)) {
                        continue; // communique.received.v1 is extraction's business; the registry hears of it as commitments
                    }
                    withdrawn = codec.decode(payload, CommuniqueWithdrawn.class);
                } catch (InvalidEventException e) {
                    deadLetters.send(record, e);
                    continue;
                }
                try (TraceContext.Scope trace = TraceContext.continueFrom(withdrawn.traceparent())) {
                    withdrawal.withdraw(withdrawn);
                }
            }
        };
    }
}
