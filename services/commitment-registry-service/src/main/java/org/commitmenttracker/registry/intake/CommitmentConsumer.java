package org.commitmenttracker.registry.intake;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.commitmenttracker.events.CommitmentExtracted;
import org.commitmenttracker.events.CommuniqueAnalysed;
import org.commitmenttracker.events.CommuniqueWithdrawn;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.Traceparent;
import org.commitmenttracker.registry.agencies.AssignmentRules;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.Outcome;
import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.commitmenttracker.registry.store.Commitments;
import org.commitmenttracker.service.trace.TraceContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code registerCommitments} on {@code commitments}: registers new commitments as PLEDGED and refreshes the
 * facts of known ones (never their status, history or analysts' corrections), and withdraws those a newer
 * analysis of their document no longer finds. {@code withdrawCommuniques} on
 * {@code communiques}: a withdrawn communiqué withdraws its commitments. Both idempotent.
 */
@Configuration
class CommitmentConsumer {

    @Bean
    Consumer<Message<byte[]>> registerCommitments(Commitments commitments, CommuniqueWithdrawal withdrawal,
                                                  AssignmentRules rules, EventCodec codec, DeadlinePolicy policy,
                                                  Clock clock) {
        return message -> {
            EventEnvelope<? extends EventData> any = codec.decode(message.getPayload());
            try (TraceContext.Scope trace = TraceContext.continueFrom(any.traceparent())) {
                if (any.data() instanceof CommuniqueAnalysed) {
                    withdrawal.withdrawDropped(codec.decode(message.getPayload(), CommuniqueAnalysed.class));
                    return;
                }
                EventEnvelope<CommitmentExtracted> event = codec.decode(message.getPayload(), CommitmentExtracted.class);
                ExtractedFacts facts = ExtractedFacts.of(event.data());
                String eventId = event.id().toString();
                commitments.upsert(event.data().commitmentId(),
                        () -> registered(event.data().commitmentId(), facts, eventId, rules.agenciesFor(facts), policy, clock),
                        current -> current.reextracted(facts, eventId, policy, clock.instant()),
                        Traceparent.childOf(event.traceparent()));
            }
        };
    }

    /** PLEDGED, assigned to the agencies the operators' rules name for its section and topics. */
    private static Outcome registered(String id, ExtractedFacts facts, String eventId, List<String> agencies,
                                      DeadlinePolicy policy, Clock clock) {
        Outcome registered = Commitment.register(id, facts, Commitment.EXTRACTION, "extracted from " + facts.documentId(),
                eventId, Set.of(), policy, clock.instant());
        return agencies.isEmpty() ? registered
                : registered.next().assign(agencies, "assignment-rules", clock.instant()).withStatusChangesOf(registered);
    }

    @Bean
    Consumer<Message<byte[]>> withdrawCommuniques(CommuniqueWithdrawal withdrawal, EventCodec codec) {
        return message -> {
            EventEnvelope<? extends EventData> event = codec.decode(message.getPayload());
            try (TraceContext.Scope trace = TraceContext.continueFrom(event.traceparent())) {
                if (event.data() instanceof CommuniqueWithdrawn) {
                    withdrawal.withdraw(codec.decode(message.getPayload(), CommuniqueWithdrawn.class));
                }
            }
            // communique.received.v1 is extraction's business; the registry hears of it as commitments.
        };
    }
}
