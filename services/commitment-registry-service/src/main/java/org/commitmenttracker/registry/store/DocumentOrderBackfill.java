package org.commitmenttracker.registry.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives commitments stored before {@value CommitmentStore#DOCUMENT_ORDER} existed their sort key, at start-up (before
 * the service reports ready). A write sets a derived field only when it changes, so it would never add this one.
 * Each is set on {@code {_id, version}}: a commitment written meanwhile is read again in the next pass.
 */
@Component
class DocumentOrderBackfill implements ApplicationRunner {
    private static final int MAX_PASSES = 5;
    private static final Logger log = LoggerFactory.getLogger(DocumentOrderBackfill.class);

    private final MongoTemplate mongo;

    DocumentOrderBackfill(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        MongoCollection<Document> commitments = mongo.getCollection(CommitmentStore.COLLECTION);
        long total = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            long missing = 0;
            long set = 0;
            for (Document stored : commitments.find(Filters.exists(CommitmentStore.DOCUMENT_ORDER, false))
                    .projection(Projections.include("version", "facts.documentId", "facts.ordinal"))) {
                missing++;
                Document facts = stored.get("facts", new Document());
                String order = CommitmentStore.documentOrder(facts.getString("documentId"), facts.getInteger("ordinal", 0));
                set += commitments.updateOne(new Document("_id", stored.get("_id")).append("version", stored.get("version")),
                        Updates.set(CommitmentStore.DOCUMENT_ORDER, order)).getModifiedCount();
            }
            total += set;
            if (set == missing) {
                break;
            }
        }
        if (total > 0) {
            log.info("Gave {} stored commitments their {}", total, CommitmentStore.DOCUMENT_ORDER);
        }
    }
}
