package org.commitmenttracker.registry.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives commitments stored before the latest {@link DerivedFields} existed all of them, at start-up (before the
 * service reports ready). A write sets a derived field only when its value changes, so it would never add one.
 * Each is set on {@code {_id, version}}: a commitment written meanwhile is read again in the next pass.
 */
@Component
class DerivedFieldsBackfill implements ApplicationRunner {
    private static final int MAX_PASSES = 5;
    private static final Logger log = LoggerFactory.getLogger(DerivedFieldsBackfill.class);

    private final MongoTemplate mongo;

    DerivedFieldsBackfill(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        MongoCollection<Document> commitments = mongo.getCollection(CommitmentStore.COLLECTION);
        long total = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            long missing = 0;
            long set = 0;
            for (Document stored : commitments.find(Filters.exists(DerivedFields.LATEST, false))
                    .projection(Projections.include(CommitmentQueries.ALL_BUT_HISTORY))) {
                missing++;
                Commitment commitment = mongo.getConverter().read(Commitment.class, stored);
                Document derived = new Document();
                DerivedFields.of(commitment).forEach((field, value) -> derived.put(field, mongo.getConverter().convertToMongoType(value)));
                set += commitments.updateOne(new Document("_id", stored.get("_id")).append("version", stored.get("version")),
                        new Document("$set", derived)).getModifiedCount();
            }
            total += set;
            if (set == missing) {
                break;
            }
        }
        if (total > 0) {
            log.info("Gave {} stored commitments their derived fields", total);
        }
    }
}
