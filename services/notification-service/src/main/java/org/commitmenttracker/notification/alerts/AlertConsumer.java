package org.commitmenttracker.notification.alerts;

import java.util.function.Consumer;

import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.DeadlineApproaching;
import org.commitmenttracker.events.DeadlineMissed;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.InvalidEventException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The bindings {@code alertOnStatusChange} ({@code status-changes}) and {@code alertOnDeadline} ({@code deadlines}). */
@Configuration
class AlertConsumer {

    @Bean
    Consumer<Message<byte[]>> alertOnStatusChange(Alerting alerting, EventCodec codec) {
        return message -> alerting.statusChanged(codec.decode(message.getPayload(), CommitmentStatusChanged.class));
    }

    @Bean
    @SuppressWarnings("unchecked")
    Consumer<Message<byte[]>> alertOnDeadline(Alerting alerting, EventCodec codec) {
        return message -> {
            EventEnvelope<? extends EventData> event = codec.decode(message.getPayload());
            if (event.data() instanceof DeadlineApproaching) {
                alerting.deadlineApproaching((EventEnvelope<DeadlineApproaching>) event);
            } else if (event.data() instanceof DeadlineMissed) {
                alerting.deadlineMissed((EventEnvelope<DeadlineMissed>) event);
            } else {
                throw new InvalidEventException("Not a deadline event on the deadlines topic: " + event.type());
            }
        };
    }
}
