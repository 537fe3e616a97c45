package org.commitmenttracker.ingestion.communique;

import org.commitmenttracker.ingestion.original.OriginalStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Creates at start-up the indexes the communiqué queries need. */
@Component
class CommuniqueIndexes implements InitializingBean {
    private final MongoTemplate mongo;

    CommuniqueIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // One record per text.
        mongo.indexOps(Communique.class).createIndex(new Index("contentHash", Sort.Direction.ASC).unique());
        // Near-duplicate candidates by band key (multikey on real MongoDB; the embedded store scans).
        mongo.indexOps(Communique.class).createIndex(new Index("nearDuplicateKeys", Sort.Direction.ASC));
        // Newest-first listing (real MongoDB; the embedded store ignores non-unique indexes).
        mongo.indexOps(Communique.class).createIndex(new Index("receivedAt", Sort.Direction.DESC));
        // Withdrawal updates filter on {_id, status}: the embedded store only uses an index whose fields are
        // exactly the query's, so without this one every withdrawal would scan the collection.
        mongo.indexOps(Communique.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).unique().named("id_status"));
        // Chunks are read by _id only; the original field serves clean-up of orphans on real MongoDB.
        mongo.indexOps(OriginalStore.COLLECTION).createIndex(new Index("original", Sort.Direction.ASC));
    }
}
