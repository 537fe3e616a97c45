package org.commitmenttracker.notification.alerts;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bindings {@code alertOnStatusChange} ({@code status-changes}) and {@code alertOnDeadline}
 * ({@code deadlines}), in batch mode: each call gets the records of one poll (see {@link Alerting}).
 */
@Configuration
class AlertConsumer {

    @Bean
    Consumer<List<byte[]>> alertOnStatusChange(Alerting alerting) {
        return alerting::statusChanges;
    }

    @Bean
    Consumer<List<byte[]>> alertOnDeadline(Alerting alerting) {
        return alerting::deadlines;
    }
}
