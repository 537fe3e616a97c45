package org.commitmenttracker.notification.subscriptions;

import java.time.Duration;

/**
 * What the e-mail channel offers subscriptions, given by the e-mail feature from its settings: whether an SMTP
 * server is configured ({@code spring.mail.host}; without one no subscription may have an e-mail address), and
 * the grouping window of a subscription with e-mail that names none ({@code tracker.email.default-group-window}).
 */
public record EmailSupport(boolean available, Duration defaultGroupWindow) {
}
