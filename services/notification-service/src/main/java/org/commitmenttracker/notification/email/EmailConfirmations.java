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
            subscriptions.changeEmail(request.subscription().id(), email -> email.stopped(Email.State.BOUNCED, outcome.reason()));
        }
    }

    /** The subscription and address a valid link of {@code purpose} names (404 for any other token: nothing leaks). */
    Subscription subscriptionOf(String token, EmailLinks.Purpose purpose) {
        if (token == null || token.isBlank()) {
            throw new InvalidLinkException("The link has no token; open the link from the e-mail as it is.");
        }
        EmailLinks.Claim claim = links.verify(token, purpose, clock.instant())
                .orElseThrow(() -> new InvalidLinkException("The link is not valid or has expired."));
        return subscriptions.find(claim.subscriptionId())
                .filter(s -> !s.deleted() && s.email() != null && s.email().nonce().equals(claim.nonce()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "This link no longer applies: the subscription or its address changed."));
    }

    Subscription confirm(String token) {
        Subscription subscription = subscriptionOf(token, EmailLinks.Purpose.CONFIRM);
        if (subscription.email().state() != Email.State.UNCONFIRMED) {
            return subscription; // clicked twice, or already unsubscribed: nothing changes
        }
        return subscriptions.changeEmail(subscription.id(), email -> email.confirmed(clock.instant()));
    }

    Subscription unsubscribe(String token) {
        Subscription subscription = subscriptionOf(token, EmailLinks.Purpose.UNSUBSCRIBE);
        if (subscription.email().state() == Email.State.UNSUBSCRIBED) {
            return subscription;
        }
        return subscriptions.changeEmail(subscription.id(), email -> email.stopped(Email.State.UNSUBSCRIBED,
                "unsubscribed through the link in an e-mail"));
    }
}
