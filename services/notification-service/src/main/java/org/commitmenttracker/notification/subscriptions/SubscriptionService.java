package org.commitmenttracker.notification.subscriptions;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.commitmenttracker.notification.limits.Throttles;
import org.commitmenttracker.notification.matching.KindFilter;
import org.commitmenttracker.notification.matching.SubscriptionFilter;
import org.commitmenttracker.notification.noise.Pacing;
import org.commitmenttracker.notification.noise.Silence;
import org.commitmenttracker.notification.secrets.SecretCipher;
import org.commitmenttracker.notification.subscriptions.SubscriptionRequest.EventRequest;
import org.commitmenttracker.notification.webhook.WebhookSecret;
import org.commitmenttracker.notification.webhook.WebhookSettings;
import org.commitmenttracker.notification.webhook.WebhookUrlPolicy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Creating, changing and removing subscriptions on behalf of their owner. Another owner's subscription is
 * reported as absent (404), never as forbidden, so ids cannot be probed. Each write is applied to this
 * replica's {@link ActiveSubscriptions} at once. A new or changed e-mail address is announced
 * ({@link EmailToConfirm}) so that the e-mail channel sends it a confirmation link; giving the address a
 * subscription already has announces nothing. An owner has at most {@code max-per-owner} subscriptions, and
 * confirmation e-mails are counted per address and per owner ({@link SubscriptionLimits}): over a limit the
 * request is refused before anything is stored.
 */
@Service
public class SubscriptionService {
    private final SubscriptionStore store;
    private final ActiveSubscriptions active;
    private final WebhookUrlPolicy urls;
    private final Duration secretGracePeriod;
    private final SecretCipher cipher;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Duration emailGroupWindow;
    private final boolean mailConfigured;
    private final SubscriptionLimits limits;
    private final Throttles throttles;

    public SubscriptionService(SubscriptionStore store, ActiveSubscriptions active, WebhookSettings settings,
                               SecretCipher cipher, Clock clock, ApplicationEventPublisher events,
                               EmailSupport email, SubscriptionLimits limits, Throttles throttles) {
        this.mailConfigured = email.available();
        this.limits = limits;
        this.throttles = throttles;
        this.store = store;
        this.active = active;
        this.cipher = cipher;
        this.clock = clock;
        this.events = events;
        this.emailGroupWindow = email.defaultGroupWindow();
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

    /** A subscription whose e-mail address waits for the confirmation link to be sent to it. */
    public record EmailToConfirm(Subscription subscription) {
    }

    /**
     * Without a {@code groupWindow}, a subscription with e-mail groups its alerts over
     * {@code tracker.email.default-group-window} (30 s: people read mail), one without groups nothing (machines
     * take each alert at once, as before grouping existed).
     */
    public Created create(String owner, SubscriptionRequest request) {
        if (request.enabled() != null) {
            throw new InvalidSubscriptionException("enabled can only be changed on an existing subscription.");
        }
        String name = SubscriptionRules.name(request.name());
        SubscriptionFilter filter = SubscriptionRules.filter(request);
        String url = webhookUrl(request.webhookUrl());
        Email email = request.email() == null || request.email().isEmpty() ? null
                : newEmail(PacingRules.address(request.email()), PacingRules.language(request.language()));
        if (email == null && request.language() != null) {
            throw new InvalidSubscriptionException("language applies to e-mail only: give an email too.");
        }
        Pacing pacing = pacing(new Pacing(email == null ? Duration.ZERO : emailGroupWindow, null, null), request);
        // Looked at first so that a full owner's request counts no confirmation e-mail; the insert decides.
        if (!store.hasFreeSlot(owner)) {
            throw capReached();
        }
        if (email != null) {
            countConfirmation(owner, email.address());
        }
        String secret = url == null ? null : WebhookSecret.generate();
        Instant now = clock.instant();
        Subscription subscription = new Subscription("sub-" + UUID.randomUUID(), owner, name, filter,
                url == null ? null : new Webhook(url, cipher.seal(secret), null, null), email, pacing, List.of(), true, null,
                false, SubscriptionFingerprint.of(owner, filter, url, email), null, now, now);
        try {
            subscription = store.insertInFreeSlot(subscription).orElseThrow(this::capReached);
        } catch (DuplicateKeyException duplicate) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "You already have a subscription with the same criteria, webhook URL and e-mail address.");
        }
        active.apply(subscription);
        if (email != null) {
            events.publishEvent(new EmailToConfirm(subscription));
        }
        return new Created(subscription, secret);
    }

    private ResponseStatusException capReached() {
        return new ResponseStatusException(HttpStatus.CONFLICT, "You have " + limits.maxPerOwner()
                + " subscriptions, the most one subscriber may have: delete one before creating another.");
    }

    private Email newEmail(String address, String language) {
        if (!mailConfigured) {
            throw new InvalidSubscriptionException("email: this service has no SMTP server configured, so it takes no e-mail subscriptions.");
        }
        return new Email(address, language, Email.State.UNCONFIRMED, UUID.randomUUID().toString(), null, null);
    }

    /** {@code current} with the pacing fields the request gives. */
    private static Pacing pacing(Pacing current, SubscriptionRequest request) {
        Pacing pacing = current;
        if (request.groupWindow() != null) {
            pacing = pacing.withGroupWindow(PacingRules.groupWindow(request.groupWindow()));
        }
        if (request.digest() != null) {
            pacing = pacing.withDigest(PacingRules.digest(request.digest()));
        }
        if (request.repeatEvery() != null) {
            pacing = pacing.withRepeatEvery(PacingRules.repeatEvery(request.repeatEvery()));
        }
        return pacing;
    }

    public List<Subscription> list(String owner) {
        return store.ownedBy(owner);
    }

    public Subscription get(String owner, String id) {
        return store.find(id).filter(s -> s.owner().equals(owner) && !s.deleted()).orElseThrow(() -> notFound(id));
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No subscription " + id + ".");
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
        Email email = current.email();
        boolean toConfirm = false;
        if (patch.email() != null && patch.email().isEmpty()) {
            email = null;
        } else if (patch.email() != null) {
            String address = PacingRules.address(patch.email());
            // The address it has already changes nothing and mails nothing, whatever its state: an unsubscribed or
            // bounced address stays so (removing it and giving it again starts over, within the confirmation limits).
            toConfirm = email == null || !email.address().equalsIgnoreCase(address);
            if (toConfirm) {
                email = newEmail(address, PacingRules.language(null));
            }
        }
        if (patch.language() != null) {
            if (email == null) {
                throw new InvalidSubscriptionException("language applies to e-mail only: give an email too.");
            }
            email = email.inLanguage(PacingRules.language(patch.language()));
        }
        Pacing pacing = pacing(current.pacing(), patch);
        Instant now = clock.instant();
        Subscription updated = current.withDefinition(name, filter, webhook, email, pacing,
                SubscriptionFingerprint.of(owner, filter, webhook == null ? null : webhook.url(), email), now);
        if (patch.enabled() != null) {
            updated = updated.withEnabled(patch.enabled(), "disabled by the subscriber", now);
        }
        if (toConfirm) {
            countConfirmation(owner, email.address());
        }
        try {
            updated = store.change(current, updated).orElseThrow(() -> notFound(id));
        } catch (DuplicateKeyException duplicate) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "You already have another subscription with these criteria, webhook URL and e-mail address.");
        }
        active.apply(updated);
        if (toConfirm) {
            events.publishEvent(new EmailToConfirm(updated));
        }
        return updated;
    }

    /**
     * Counts one confirmation e-mail for {@code owner} and for {@code address} (refused, 429, over either limit).
     * The address is counted by its digest: the counters are no second copy of anyone's address.
     */
    private void countConfirmation(String owner, String address) {
        throttles.take("confirm-owner|" + owner, limits.confirmationsPerOwner(), limits.confirmationWindow(),
                "You have asked for more confirmation e-mails than allowed for now; try again after the time in Retry-After.");
        throttles.take("confirm-address|" + digest(address), limits.confirmationsPerAddress(), limits.confirmationWindow(),
                "This address has been sent as many confirmation e-mails as it may receive for now; try again after the time in Retry-After.");
    }

    private static String digest(String address) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(address.toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Adds a silence to the owner's subscription (the expired ones are dropped on the way). */
    public Subscription silence(String owner, String id, Silence silence) {
        Subscription current = get(owner, id);
        List<Silence> silences = new java.util.ArrayList<>(current.silences());
        silences.add(silence);
        return saved(current, current.withSilences(silences, clock.instant())).orElseThrow(() -> notFound(id));
    }

    /** Ends a silence at once; 404 when the owner's subscription has no such silence in force. */
    public Subscription unsilence(String owner, String id, String silenceId) {
        Subscription current = get(owner, id);
        Instant now = clock.instant();
        if (current.silences().stream().noneMatch(silence -> silence.id().equals(silenceId) && silence.activeAt(now))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No silence " + silenceId + " in force.");
        }
        return saved(current, current.withSilences(current.silences().stream().filter(s -> !s.id().equals(silenceId)).toList(), now))
                .orElseThrow(() -> notFound(id));
    }

    /**
     * Changes the e-mail channel of subscription {@code id} (confirmation, unsubscribe, bounce), whoever owns it,
     * if it still has the address of {@code nonce}: what one address did (a click, a bounce) never touches the
     * next one. Empty when the subscription is gone or its address changed.
     */
    public java.util.Optional<Subscription> changeEmail(String id, String nonce, java.util.function.UnaryOperator<Email> change) {
        return store.find(id).filter(s -> !s.deleted() && s.email() != null && s.email().nonce().equals(nonce))
                .flatMap(current -> saved(current, current.withEmail(change.apply(current.email()), clock.instant()),
                        Criteria.where("email.nonce").is(nonce)));
    }

    /** {@link SubscriptionStore#change}, and this replica's view told of the result. */
    private java.util.Optional<Subscription> saved(Subscription read, Subscription next, Criteria... conditions) {
        java.util.Optional<Subscription> stored = store.change(read, next, conditions);
        stored.ifPresent(active::apply);
        return stored;
    }

    public void delete(String owner, String id) {
        Subscription current = get(owner, id);
        saved(current, current.asDeleted(clock.instant())); // empty: deleted meanwhile, as asked
    }

    /** A new secret (shown this once); the previous one keeps signing until the returned instant. */
    public Created rotateSecret(String owner, String id) {
        Subscription current = get(owner, id);
        if (current.webhook() == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Subscription " + id + " has no webhook.");
        }
        String secret = WebhookSecret.generate();
        Instant now = clock.instant();
        Subscription rotated = saved(current, current.withWebhook(current.webhook().rotated(cipher.seal(secret),
                now.plus(secretGracePeriod)), now), Criteria.where("webhook").ne(null)).orElseThrow(() -> notFound(id));
        return new Created(rotated, secret);
    }

    /** Subscription {@code id} whoever owns it, deleted or not (for the service's own work, never an answer). */
    public java.util.Optional<Subscription> find(String id) {
        return store.find(id);
    }

    /**
     * Subscription {@code id} if it is active: this replica's view first, the store when the view does not have it
     * (created elsewhere a moment ago). For the service's own work, never an answer.
     */
    public java.util.Optional<Subscription> active(String id) {
        return active.active(id).or(() -> find(id).filter(Subscription::active));
    }

    /** Called by delivery when a receiver answers 410 Gone. */
    public void disable(String id, String reason) {
        store.find(id).filter(Subscription::active).ifPresent(current ->
                saved(current, current.withEnabled(false, reason, clock.instant())));
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
                events, keyword, null, null, null, null, null, null, null);
    }

    private static EventRequest asRequest(KindFilter kind) {
        return new EventRequest(kind.kind().wireName(), kind.horizons(), kind.from(), kind.to());
    }

    private static <T> T or(T patched, T current) {
        return patched != null ? patched : current;
    }
}
