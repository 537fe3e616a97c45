package org.commitmenttracker.ingestion.communique;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Creates at start-up the indexes the communiqué queries need (unique content hash: one record per text). */
@Component
class CommuniqueIndexes implements InitializingBean {
    private final MongoTemplate mongo;

    CommuniqueIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(Communique.class).createIndex(new Index("contentHash", Sort.Direction.ASC).unique());
    }
}
