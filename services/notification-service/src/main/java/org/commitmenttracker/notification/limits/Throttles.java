package org.commitmenttracker.notification.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
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
 * Counters of how often something happened per key (an owner, an address) in fixed windows, kept in the store
 * ({@code throttles}, one document per key and window, removed by a TTL index after the window) so that every
 * replica counts into the same place and a restart forgets nothing. One atomic upsert per use.
 */
@Repository
public class Throttles implements InitializingBean {
    static final String COLLECTION = "throttles";
    private final MongoTemplate mongo;
    private final Clock clock;

    public Throttles(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO).named("expiry"));
    }

    /**
     * Counts one use of {@code key} in the current window of {@code window}; when that makes more than
     * {@code limit}, refuses it ({@link Throttled}, {@code detail} saying what, {@code Retry-After} the end of the
     * window). A refused use counts too: hammering does not shorten the wait.
     */
    public void take(String key, int limit, Duration window, String detail) {
        Instant now = clock.instant();
        FixedWindow current = FixedWindow.containing(now, window);
        if (count(key + "|" + current.start().toEpochMilli(), current.end()) > limit) {
            throw new Throttled(detail, current.secondsLeft(now));
        }
    }

    private long count(String id, Instant windowEnd) {
        Query query = Query.query(Criteria.where("_id").is(id));
        Update update = new Update().inc("count", 1).setOnInsert("expiresAt", Date.from(windowEnd));
        FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
        Document counted;
        try {
            counted = mongo.findAndModify(query, update, options, Document.class, COLLECTION);
        } catch (DuplicateKeyException raced) {
            counted = mongo.findAndModify(query, update, options, Document.class, COLLECTION); // two first uses at once
        }
        return counted.get("count", Number.class).longValue();
    }
}
