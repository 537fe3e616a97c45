package org.commitmenttracker.notification.batching;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tracker.alerts.*}: when grouped alerts, digests, e-mails and overdue reminders are looked for and how
 * long their sender holds them.
 *
 * @param batchSweepInterval how often the store is searched for due alert batches and overdue reminders (and at
 *                           start-up)
 * @param batchLease         how long a claimed batch stays claimed: it is not renewed, so it must outlast a send
 *                           (an SMTP conversation); a sender that dies leaves the batch to the sweep after it
 */
@Validated
@ConfigurationProperties("tracker.alerts")
public record BatchSettings(
        @DefaultValue("5s") @DurationMin(millis = 1) Duration batchSweepInterval,
        @DefaultValue("60s") @DurationMin(seconds = 1) Duration batchLease) {
}
