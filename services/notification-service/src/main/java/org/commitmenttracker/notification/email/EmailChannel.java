package org.commitmenttracker.notification.email;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.commitmenttracker.notification.noise.BatchItem;
import org.commitmenttracker.notification.subscriptions.Subscription;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends e-mails through the SMTP server of {@code spring.mail.*} (Spring's {@link JavaMailSender}): alerts with
 * a one-click unsubscribe ({@code List-Unsubscribe} and {@code List-Unsubscribe-Post}, RFC 8058) and the
 * confirmation link. Tells a permanent failure (the server answered 5xx: no such mailbox, refused) — the
 * address bounces — from a transient one (4xx, unreachable, authentication), which is tried again later.
 */
@Component
public class EmailChannel {
    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);
    static final Duration CONFIRMATION_VALIDITY = Duration.ofDays(7);
    private final ObjectProvider<JavaMailSender> sender;
    private final EmailSettings settings;
    private final EmailLinks links;
    private final MailComposer composer;
    private final Clock clock;

    EmailChannel(ObjectProvider<JavaMailSender> sender, EmailSettings settings, EmailLinks links, Clock clock) {
        this.sender = sender;
        this.settings = settings;
        this.links = links;
        this.composer = new MailComposer(settings.commitmentUrl());
        this.clock = clock;
    }

    /** How a send went; {@code reason} says why it failed. */
    public record Outcome(Kind kind, String reason) {
        enum Kind { SENT, TRANSIENT, PERMANENT }

        static final Outcome SENT = new Outcome(Kind.SENT, null);

        public boolean transientFailure() {
            return kind == Kind.TRANSIENT;
        }

        public boolean permanentFailure() {
            return kind == Kind.PERMANENT;
        }
    }

    /** One e-mail listing {@code items}, to the subscription's confirmed address. */
    public Outcome sendAlerts(Subscription subscription, List<BatchItem> items) {
        String unsubscribe = link("unsubscribe", links.token(EmailLinks.Purpose.UNSUBSCRIBE, subscription.id(),
                subscription.email().nonce(), null));
        MailComposer.Composed mail = composer.alerts(subscription.email().language(), items, unsubscribe);
        return send(subscription, mail, unsubscribe);
    }

    /** The confirmation link, to the subscription's new address. */
    public Outcome sendConfirmation(Subscription subscription) {
        String confirm = link("confirm", links.token(EmailLinks.Purpose.CONFIRM, subscription.id(),
                subscription.email().nonce(), clock.instant().plus(CONFIRMATION_VALIDITY)));
        return send(subscription, composer.confirmation(subscription.email().language(), confirm), null);
    }

    private String link(String action, String token) {
        return settings.publicBaseUrl() + "/api/email/" + action + "?token=" + token;
    }

    private Outcome send(Subscription subscription, MailComposer.Composed mail, String unsubscribeUrl) {
        JavaMailSender mailer = sender.getIfAvailable();
        if (mailer == null) {
            return new Outcome(Outcome.Kind.TRANSIENT, "no SMTP server configured (spring.mail.host)");
        }
        try {
            MimeMessage message = mailer.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(subscription.email().address());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            message.setHeader("Auto-Submitted", "auto-generated");
            if (unsubscribeUrl != null) {
                message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            mailer.send(withReturnPath(message, subscription));
            return Outcome.SENT;
        } catch (MessagingException | MailException failed) {
            Outcome outcome = classify(failed);
            log.warn("E-mail not sent ({}): {}", outcome.kind(), outcome.reason());
            return outcome;
        }
    }

    /**
     * With {@code tracker.email.bounce-domain}, the message as sent with its own envelope sender (VERP), where a
     * late bounce comes back naming its subscription and address; a copy, the only way to set it per message.
     */
    private MimeMessage withReturnPath(MimeMessage message, Subscription subscription) throws MessagingException {
        if (settings.bounceDomain().isBlank()) {
            return message;
        }
        java.util.Optional<String> returnPath = links.returnPath(subscription.id(), subscription.email().nonce(), settings.bounceDomain());
        if (returnPath.isEmpty()) {
            return message;
        }
        message.saveChanges();
        SMTPMessage withEnvelope = new SMTPMessage(message);
        withEnvelope.setEnvelopeFrom(returnPath.get());
        return withEnvelope;
    }

    /** Permanent when the SMTP server refused with a 5xx reply (to the recipient or the message), else transient. */
    static Outcome classify(Exception failed) {
        for (Throwable cause = failed; cause != null; cause = next(cause)) {
            int code = cause instanceof SMTPAddressFailedException address ? address.getReturnCode()
                    : cause instanceof SMTPSendFailedException send ? send.getReturnCode() : 0;
            if (code >= 500 && code < 600) {
                String reply = firstLine(cause.getMessage());
                return new Outcome(Outcome.Kind.PERMANENT, "the mail server refused it: " + (reply.startsWith(String.valueOf(code)) ? reply : code + " " + reply));
            }
        }
        return new Outcome(Outcome.Kind.TRANSIENT, firstLine(failed.getMessage()));
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        if (cause instanceof org.springframework.mail.MailSendException send && !send.getFailedMessages().isEmpty()) {
            return send.getFailedMessages().values().iterator().next();
        }
        return cause.getCause();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
