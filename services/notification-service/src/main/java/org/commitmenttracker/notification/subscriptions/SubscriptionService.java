package org.commitmenttracker.notification.subscriptions;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.commitmenttracker.notification.matching.KindFilter;
import org.commitmenttracker.notification.matching.SubscriptionFilter;
import org.commitmenttracker.notification.secrets.SecretCipher;
import org.commitmenttracker.notification.subscriptions.SubscriptionRequest.EventRequest;
import org.commitmenttracker.notification.webhook.WebhookSecret;
import org.commitmenttracker.notification.webhook.WebhookSettings;
import org.commitmenttracker.notification.webhook.WebhookUrlPolicy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Creating, changing and removing subscriptions on behalf of their owner. Another owner's subscription is
 * reported as absent (404), never as forbidden, so ids cannot be probed. Each write is applied to this
 * replica's {@link ActiveSubscriptions} at once.
 */
@Service
public class SubscriptionService {
    private final SubscriptionStore store;
    private final ActiveSubscriptions active;
    private final WebhookUrlPolicy urls;
    private final Duration secretGracePeriod;
    private final SecretCipher cipher;

    public SubscriptionService(SubscriptionStore store, ActiveSubscriptions active, WebhookSettings settings,
                               SecretCipher cipher) {
        this.store = store;
        this.active = active;
        this.cipher = cipher;
        this.urls = new WebhookUrlPolicy(settings.allowInsecureLoopback(), InetAddress::getAllByName);
        this.secretGracePeriod = settings.secretGracePeriod();
    }

    /** A new subscription, and its signing secret (shown this once) when it has a webhook. */
    public record Created(Subscription subscription, String secret) {
        @Override
        public String toString() {
            return "Created[" + subscription.id() + ", secret hidden]";
        }
    }

    public Created create(String owner, SubscriptionRequest request) {
        if (request.enabled() != null) {
            throw new InvalidSubscriptionException("enabled can only be changed on an existing subscription.");
        }
        String name = SubscriptionRules.name(request.name());
        SubscriptionFilter filter = SubscriptionRules.filter(request);
        String url = webhookUrl(request.webhookUrl());
        String secret = url == null ? null : WebhookSecret.generate();
        Instant now = Instant.now();
        Subscription subscription = new Subscription("sub-" + UUID.randomUUID(), owner, name, filter,
                url == null ? null : new Webhook(url, cipher.seal(secret), null, null), true, null, false,
                SubscriptionFingerprint.of(owner, filter, url), now, now);
        try {
            store.insert(subscription);
        } catch (DuplicateKeyException duplicate) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "You already have a subscription with the same criteria and webhook URL.");
        }
        active.apply(subscription);
        return new Created(subscription, secret);
    }

    public List<Subscription> list(String owner) {
        return store.ownedBy(owner);
    }

    public Subscription get(String owner, String id) {
        return store.find(id).filter(s -> s.owner().equals(owner) && !s.deleted())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No subscription " + id + "."));
    }

    public Subscription update(String owner, String id, SubscriptionRequest patch) {
        Subscription current = get(owner, id);
        String name = patch.name() == null ? current.name() : SubscriptionRules.name(patch.name());
        SubscriptionFilter filter = SubscriptionRules.filter(merged(current.filter(), patch));
        Webhook webhook = current.webhook();
        if (patch.webhookUrl() != null) {
            String url = webhookUrl(patch.webhookUrl());
            webhook = url == null ? null
                    : webhook == null ? new Webhook(url, cipher.seal(WebhookSecret.generate()), null, null)
                    : new Webhook(url, webhook.sealedSecret(), webhook.sealedPreviousSecret(), webhook.previousSecretExpiresAt());
        }
        Instant now = Instant.now();
        Subscription updated = current.withDefinition(name, filter, webhook,
                SubscriptionFingerprint.of(owner, filter, webhook == null ? null : webhook.url()), now);
        if (patch.enabled() != null) {
            updated = updated.withEnabled(patch.enabled(), "disabled by the subscriber", now);
        }
        try {
            store.save(updated);
        } catch (DuplicateKeyException duplicate) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "You already have another subscription with these criteria and webhook URL.");
        }
        active.apply(updated);
        return updated;
    }

    public void delete(String owner, String id) {
        Subscription deleted = get(owner, id).asDeleted(Instant.now());
        store.save(deleted);
        active.apply(deleted);
    }

    /** A new secret (shown this once); the previous one keeps signing until the returned instant. */
    public Created rotateSecret(String owner, String id) {
        Subscription current = get(owner, id);
        if (current.webhook() == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Subscription " + id + " has no webhook.");
        }
        String secret = WebhookSecret.generate();
        Instant now = Instant.now();
        Subscription rotated = current.withWebhook(current.webhook().rotated(cipher.seal(secret), now.plus(secretGracePeriod)), now);
        store.save(rotated);
        active.apply(rotated);
        return new Created(rotated, secret);
    }

    /** Called by delivery when a receiver answers 410 Gone. */
    public void disable(String id, String reason) {
        store.find(id).filter(Subscription::active).ifPresent(current -> {
            Subscription disabled = current.withEnabled(false, reason, Instant.now());
            store.save(disabled);
            active.apply(disabled);
        });
    }

    private String webhookUrl(String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        SubscriptionRules.printable("webhookUrl", url);
        return urls.check(url).toString();
    }

    private static SubscriptionRequest merged(SubscriptionFilter current, SubscriptionRequest patch) {
        List<EventRequest> events = patch.events() != null ? patch.events() : current.events().stream()
                .map(SubscriptionService::asRequest).toList();
        String keyword = patch.keyword() != null ? patch.keyword() : current.keyword();
        return new SubscriptionRequest(null,
                or(patch.commitmentIds(), current.commitmentIds()), or(patch.documentIds(), current.documentIds()),
                or(patch.sections(), current.sections()), or(patch.topics(), current.topics()),
                or(patch.parties(), current.parties()), or(patch.agencies(), current.agencies()),
                or(patch.organisations(), current.organisations()), or(patch.statuses(), current.statuses()),
                events, keyword, null, null, patch.unknown());
    }

    private static EventRequest asRequest(KindFilter kind) {
        return new EventRequest(kind.kind().wireName(), kind.horizons(), kind.from(), kind.to(), null);
    }

    private static <T> T or(T patched, T current) {
        return patched != null ? patched : current;
    }
}
