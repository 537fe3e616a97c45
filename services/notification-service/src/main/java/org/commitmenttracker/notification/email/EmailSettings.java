package org.commitmenttracker.notification.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tracker.email.*}: what alert e-mails say and link to. The SMTP server itself is Boot's
 * {@code spring.mail.*} (host, port, username, password, {@code properties.mail.smtp.starttls.enable}…), from
 * the environment; without {@code spring.mail.host} the service takes no e-mail subscriptions.
 *
 * @param from               the sender address of every e-mail
 * @param publicBaseUrl      where this service's public endpoints are reached from a mail client (confirmation and
 *                           unsubscribe links)
 * @param commitmentUrl      the link to a commitment, {@code {id}} replaced by its id
 * @param defaultGroupWindow the grouping window of a subscription with e-mail that names none
 * @param retryDelay         wait before mailing again after a transient failure (4xx, server unreachable)
 * @param bounceDomain       when set, each e-mail's envelope sender is {@code bounce-<proof>@<bounceDomain>}, so that
 *                           late bounces (DSNs) sent there can be reported to {@code POST /api/email/bounces}
 */
@ConfigurationProperties("tracker.email")
public record EmailSettings(
        @DefaultValue("alerts@commitment-tracker.localhost") String from,
        @DefaultValue("http://127.0.0.1:8084") String publicBaseUrl,
        @DefaultValue("http://127.0.0.1:8083/api/commitments/{id}") String commitmentUrl,
        @DefaultValue("30s") Duration defaultGroupWindow,
        @DefaultValue("5m") Duration retryDelay,
        @DefaultValue("") String bounceDomain) {
}
