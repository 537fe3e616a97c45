package org.commitmenttracker.registry.intake;

import java.util.function.Consumer;

import org.commitmenttracker.events.CommitmentExtracted;
import org.commitmenttracker.events.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The {@code registerCommitments} binding on {@code commitments}. */
@Configuration
class CommitmentConsumer {

    @Bean
    Consumer<Message<byte[]>> registerCommitments(CommitmentIntake intake, EventCodec codec) {
        return message -> intake.apply(codec.decode(message.getPayload(), CommitmentExtracted.class));
    }
}
