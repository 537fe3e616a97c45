package org.commitmenttracker.notification.email;

import java.time.Clock;

import org.commitmenttracker.notification.subscriptions.Email;
import org.commitmenttracker.notification.subscriptions.Subscription;
import org.commitmenttracker.notification.subscriptions.SubscriptionService;
import org.commitmenttracker.notification.subscriptions.SubscriptionService.EmailToConfirm;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The life of an e-mail address: the confirmation link is mailed when a subscription gets a new address; the
 * link confirms it, the unsubscribe link ends it, whoever clicks (the token is the proof of the mailbox). A
 * refused confirmation e-mail (5xx) marks the address bounced at once; a transient failure leaves it
 * unconfirmed, and giving the same address again (PATCH) sends the link again.
 */
@Service
class EmailConfirmations {
    private final EmailChannel channel;
    private final EmailLinks links;
    private final SubscriptionService subscriptions;
    private final Clock clock;

    EmailConfirmations(EmailChannel channel, EmailLinks links, SubscriptionService subscriptions, Clock clock) {
        this.channel = channel;
        this.links = links;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @EventListener
    void sendLink(EmailToConfirm request) {
        EmailChannel.Outcome outcome = channel.sendConfirmation(request.subscription());
        if (outcome.permanentFailure()) {
            subscriptions.changeEmail(request.subscription().id(), request.subscription().email().nonce(),
                    email -> email.stopped(Email.State.BOUNCED, outcome.reason()));
        }
    }

    /** The subscription and address a valid link of {@code purpose} names (404 for any other token: nothing leaks). */
    Subscription subscriptionOf(String token, EmailLinks.Purpose purpose) {
        if (token == null || token.isBlank()) {
            throw new InvalidEmailRequestException("The link has no token; open the link from the e-mail as it is.");
        }
        EmailLinks.Claim claim = links.verify(token, purpose, clock.instant())
                .orElseThrow(() -> new InvalidEmailRequestException("The link is not valid or has expired."));
        return subscriptions.find(claim.subscriptionId())
                .filter(s -> !s.deleted() && s.email() != null && s.email().nonce().equals(claim.nonce()))
                .orElseThrow(EmailConfirmations::changedMeanwhile);
    }

    /**
     * A late bounce reported for the return path it came back to: a permanent one (status 5.x.x) stops the
     * address the message went to, if the subscription still has it; a transient one (4.x.x) changes nothing.
     * Whether it stopped anything is not told (the caller learns nothing about subscriptions).
     */
    void bounced(String returnPath, String status, String diagnostic) {
        EmailLinks.Bounced bounced = links.verifyReturnPath(returnPath).orElseThrow(() -> new InvalidEmailRequestException(
                "recipient is not a return path of this service (bounce-…@…), or it was altered."));
        if (status == null || !status.matches("[245]\\.\\d{1,3}\\.\\d{1,3}")) {
            throw new InvalidEmailRequestException("status: '" + status + "' is not a DSN status code like 5.1.1 (RFC 3463).");
        }
        if (!status.startsWith("5")) {
            return;
        }
        String reason = "bounce reported: " + status + (diagnostic == null || diagnostic.isBlank() ? ""
                : " " + diagnostic.strip().lines().findFirst().map(line -> line.length() > 300 ? line.substring(0, 300) : line).orElse(""));
        subscriptions.find(bounced.subscriptionId()).filter(s -> s.email() != null && bounced.of(s.email().nonce()))
                .ifPresent(s -> subscriptions.changeEmail(s.id(), s.email().nonce(), email -> email.stopped(Email.State.BOUNCED, reason)));
    }

    private static ResponseStatusException changedMeanwhile() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "This link no longer applies: the subscription or its address changed.");
    }

    Subscription confirm(String token) {
        Subscription subscription = subscriptionOf(token, EmailLinks.Purpose.CONFIRM);
        if (subscription.email().state() != Email.State.UNCONFIRMED) {
            return subscription; // clicked twice, or already unsubscribed: nothing changes
        }
        return subscriptions.changeEmail(subscription.id(), subscription.email().nonce(), email -> email.confirmed(clock.instant()))
                .orElseThrow(EmailConfirmations::changedMeanwhile);
    }

    Subscription unsubscribe(String token) {
        Subscription subscription = subscriptionOf(token, EmailLinks.Purpose.UNSUBSCRIBE);
        if (subscription.email().state() == Email.State.UNSUBSCRIBED) {
            return subscription;
        }
        return subscriptions.changeEmail(subscription.id(), subscription.email().nonce(), email -> email.stopped(
                Email.State.UNSUBSCRIBED, "unsubscribed through the link in an e-mail")).orElseThrow(EmailConfirmations::changedMeanwhile);
    }
}
