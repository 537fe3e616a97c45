package org.commitmenttracker.notification.alerts;

import java.util.List;
import java.util.function.Consumer;

import org.commitmenttracker.service.deadletter.BatchDeadLetters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The bindings {@code alertOnStatusChange} ({@code status-changes}), {@code alertOnDeadline} ({@code deadlines})
 * and {@code alertOnLink} ({@code commitment-links}), in batch mode: each call gets the records of one poll (see {@link Alerting}), as they came
 * ({@link BatchDeadLetters#records}).
 */
@Configuration
class AlertConsumer {

    @Bean
    Consumer<Message<List<byte[]>>> alertOnStatusChange(Alerting alerting) {
        return batch -> alerting.statusChanges(BatchDeadLetters.records(batch));
    }

    @Bean
    Consumer<Message<List<byte[]>>> alertOnDeadline(Alerting alerting) {
        return batch -> alerting.deadlines(BatchDeadLetters.records(batch));
    }

    @Bean
    Consumer<Message<List<byte[]>>> alertOnLink(Alerting alerting) {
        return batch -> alerting.links(BatchDeadLetters.records(batch));
    }
}
