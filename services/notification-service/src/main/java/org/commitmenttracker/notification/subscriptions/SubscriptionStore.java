package org.commitmenttracker.notification.subscriptions;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.commitmenttracker.notification.secrets.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The {@code subscriptions} collection. Point reads by {@code _id}; the rest are rare (listing, change feed). */
@Repository
public class SubscriptionStore implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionStore.class);
    private final MongoTemplate mongo;
    private final SecretCipher cipher;

    public SubscriptionStore(MongoTemplate mongo, SecretCipher cipher) {
        this.mongo = mongo;
        this.cipher = cipher;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(Subscription.class);
        indexes.createIndex(new Index("fingerprint", Sort.Direction.ASC).unique().named("fingerprint"));
        // For real MongoDB: the change feed replicas poll, and listings per owner.
        indexes.createIndex(new Index("updatedAt", Sort.Direction.ASC).named("updatedAt"));
        indexes.createIndex(new Index("owner", Sort.Direction.ASC).named("owner"));
        sealPlaintextSecrets();
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

    /** Inserts; a {@link org.springframework.dao.DuplicateKeyException} means the fingerprint exists. */
    public Subscription insert(Subscription subscription) {
        return mongo.insert(subscription);
    }

    public Subscription save(Subscription subscription) {
        return mongo.save(subscription);
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Subscription.class));
    }

    /** How many subscriptions {@code owner} has (deleted ones not counted). */
    public long countOwnedBy(String owner) {
        return mongo.count(Query.query(Criteria.where("owner").is(owner).and("deleted").is(false)), Subscription.class);
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
