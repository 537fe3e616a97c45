package org.commitmenttracker.notification.subscriptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.bson.Document;
import org.commitmenttracker.notification.secrets.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The {@code subscriptions} collection. Point reads by {@code _id}; the rest are rare (listing, change feed).
 * <p>The cap on subscriptions per owner holds under concurrent creates, on every replica: an owner has
 * {@code max-per-owner} slots ({@code "<owner>#<n>"}), a live subscription holds one in its {@code slot} field under a
 * unique sparse index, and a create inserts its subscription into a free slot, so two creates racing for the last
 * slot cannot both be stored (the store refuses the second insert) and no counter can drift from what is stored.
 * A tombstone has no slot.
 */
@Repository
public class SubscriptionStore implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionStore.class);
    private final MongoTemplate mongo;
    private final SecretCipher cipher;
    private final int slotsPerOwner;

    public SubscriptionStore(MongoTemplate mongo, SecretCipher cipher, SubscriptionLimits limits) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.slotsPerOwner = limits.maxPerOwner();
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(Subscription.class);
        indexes.createIndex(new Index("fingerprint", Sort.Direction.ASC).unique().named("fingerprint"));
        // For real MongoDB: the change feed replicas poll, and listings per owner.
        indexes.createIndex(new Index("updatedAt", Sort.Direction.ASC).named("updatedAt"));
        indexes.createIndex(new Index("owner", Sort.Direction.ASC).named("owner"));
        indexes.createIndex(new Index("slot", Sort.Direction.ASC).unique().sparse().named("slot"));
        sealPlaintextSecrets();
        slotUnslottedSubscriptions();
    }

    /**
     * Gives the live subscriptions stored before slots existed a slot each, once, oldest first; those of an owner
     * beyond the cap keep none (they stay, and the owner creates no more until below it).
     */
    private void slotUnslottedSubscriptions() {
        Query unslotted = Query.query(Criteria.where("deleted").is(false).and("slot").exists(false)).with(Sort.by("createdAt"));
        int slotted = 0;
        for (Subscription subscription : mongo.find(unslotted, Subscription.class)) {
            Query stillUnslotted = Query.query(Criteria.where("_id").is(subscription.id()).and("deleted").is(false)
                    .and("slot").exists(false));
            Optional<String> placed = inFreeSlot(subscription.owner(), slot -> {
                try {
                    return mongo.updateFirst(stillUnslotted, new Update().set("slot", slot), Subscription.class)
                            .getModifiedCount() > 0 ? Optional.of(slot) : Optional.empty(); // deleted or slotted meanwhile
                } catch (DuplicateKeyException taken) {
                    throw new SlotTaken(taken);
                }
            });
            slotted += placed.isPresent() ? 1 : 0;
        }
        if (slotted > 0) {
            log.info("Gave {} subscriptions stored before the cap per owner their slot", slotted);
        }
    }

    /**
     * Encrypts the secrets stored in plain text before secrets were encrypted at rest (fields
     * {@code webhook.secret} and {@code webhook.previousSecret}), once: each becomes its sealed field.
     */
    private void sealPlaintextSecrets() {
        Query plaintext = Query.query(new Criteria().orOperator(Criteria.where("webhook.secret").exists(true),
                Criteria.where("webhook.previousSecret").exists(true)));
        int sealed = 0;
        for (Document subscription : mongo.find(plaintext, Document.class, Subscription.COLLECTION)) {
            Document webhook = subscription.get("webhook", Document.class);
            Update update = new Update().unset("webhook.secret").unset("webhook.previousSecret")
                    .set("updatedAt", Date.from(Instant.now()));
            if (webhook.getString("secret") != null) {
                update.set("webhook.sealedSecret", cipher.seal(webhook.getString("secret")));
            }
            if (webhook.getString("previousSecret") != null) {
                update.set("webhook.sealedPreviousSecret", cipher.seal(webhook.getString("previousSecret")));
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(subscription.get("_id"))), update, Subscription.COLLECTION);
            sealed++;
        }
        if (sealed > 0) {
            log.info("Encrypted the webhook secrets of {} subscriptions stored before encryption at rest", sealed);
        }
    }

    /**
     * Inserts {@code subscription} in a free slot of its owner; empty when every slot is taken (the owner has the most
     * subscriptions allowed). A {@link DuplicateKeyException} means the fingerprint exists.
     */
    public Optional<Subscription> insertInFreeSlot(Subscription subscription) {
        return inFreeSlot(subscription.owner(), slot -> {
            try {
                return Optional.of(mongo.insert(subscription.inSlot(slot)));
            } catch (DuplicateKeyException duplicate) {
                if (mongo.exists(Query.query(Criteria.where("fingerprint").is(subscription.fingerprint())), Subscription.class)) {
                    throw duplicate;
                }
                throw new SlotTaken(duplicate);
            }
        });
    }

    /**
     * What {@code write} gives with a slot of {@code owner} that no stored subscription holds, picked at random among the
     * free ones so that racing writers rarely pick the same; picked again when {@code write} finds it taken meanwhile
     * ({@link SlotTaken}: each such loss is another writer's success, so this ends). Empty when no slot is free.
     */
    private <T> Optional<T> inFreeSlot(String owner, Function<String, Optional<T>> write) {
        while (true) {
            List<String> free = freeSlots(owner);
            if (free.isEmpty()) {
                return Optional.empty();
            }
            try {
                return write.apply(free.get(ThreadLocalRandom.current().nextInt(free.size())));
            } catch (SlotTaken taken) {
                // another writer took this slot since it was read: pick again
            }
        }
    }

    /** Whether {@code owner} has a free slot now (a racing create may still take it). */
    public boolean hasFreeSlot(String owner) {
        return !freeSlots(owner).isEmpty();
    }

    private List<String> freeSlots(String owner) {
        Query slotted = Query.query(Criteria.where("owner").is(owner).and("slot").exists(true));
        slotted.fields().include("slot");
        Set<String> taken = new HashSet<>();
        for (Document held : mongo.find(slotted, Document.class, Subscription.COLLECTION)) {
            taken.add(held.getString("slot"));
        }
        List<String> free = new ArrayList<>();
        for (int n = 0; n < slotsPerOwner; n++) {
            String slot = owner + "#" + n;
            if (!taken.contains(slot)) {
                free.add(slot);
            }
        }
        return free;
    }

    /** The slot an insert picked was taken by a racing create. */
    private static final class SlotTaken extends RuntimeException {
        SlotTaken(DuplicateKeyException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * Writes what {@code next} changes of {@code read} (the subscription as the caller read it): a {@code $set} or
     * {@code $unset} of each top-level field that differs, nothing else, and only while the subscription is not
     * deleted and matches {@code conditions}. So writes racing on one subscription change only their own fields (a
     * bounce cannot put back the secret a rotation replaced) and none brings a deleted one back (a receiver's 410
     * after the owner's DELETE). No version field: stored documents stay as they are. Returns the subscription as
     * stored after the write; empty when it was deleted, or stopped matching {@code conditions}, meanwhile.
     */
    public Optional<Subscription> change(Subscription read, Subscription next, Criteria... conditions) {
        Document before = document(read);
        Document after = document(next);
        Update update = new Update();
        after.forEach((field, value) -> {
            if (!java.util.Objects.equals(before.get(field), value)) {
                update.set(field, value);
            }
        });
        before.keySet().stream().filter(field -> !after.containsKey(field)).forEach(update::unset);
        Query live = Query.query(Criteria.where("_id").is(read.id()).and("deleted").is(false));
        for (Criteria condition : conditions) {
            live.addCriteria(condition);
        }
        if (update.getUpdateObject().isEmpty()) {
            return Optional.ofNullable(mongo.findOne(live, Subscription.class)); // (an empty update would replace it)
        }
        return Optional.ofNullable(mongo.findAndModify(live, update, FindAndModifyOptions.options().returnNew(true),
                Subscription.class));
    }

    private Document document(Subscription subscription) {
        Document document = new Document();
        mongo.getConverter().write(subscription, document);
        return document;
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Subscription.class));
    }

    public List<Subscription> ownedBy(String owner) {
        return mongo.find(Query.query(Criteria.where("owner").is(owner).and("deleted").is(false))
                .with(Sort.by("createdAt")), Subscription.class);
    }

    /** Every subscription written at or after {@code since}, tombstones included. */
    public List<Subscription> changedSince(Instant since) {
        return mongo.find(Query.query(Criteria.where("updatedAt").gte(since)), Subscription.class);
    }

    public List<Subscription> all() {
        return mongo.findAll(Subscription.class);
    }
}
