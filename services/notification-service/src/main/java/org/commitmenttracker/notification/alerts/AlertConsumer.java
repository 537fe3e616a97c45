package org.commitmenttracker.notification.alerts;

import java.util.function.Consumer;

import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The {@code alertOnStatusChange} binding on {@code status-changes}. */
@Configuration
class AlertConsumer {

    @Bean
    Consumer<Message<byte[]>> alertOnStatusChange(StatusChangeAlerts alerts, EventCodec codec) {
        return message -> alerts.record(codec.decode(message.getPayload(), CommitmentStatusChanged.class));
    }
}
