package org.commitmenttracker.registry.intake;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * The indexes the registry's queries need, created at start-up. {@code {_id, version}} is unique so the
 * embedded store serves versioned updates by index instead of a scan; the others serve real MongoDB.
 */
@Component
class CommitmentIndexes implements InitializingBean {
    private final MongoTemplate mongo;

    CommitmentIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(CommitmentDocument.class);
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("id_version"));
        indexes.createIndex(new Index().on("facts.documentId", Sort.Direction.ASC).on("facts.ordinal", Sort.Direction.ASC)
                .named("document_ordinal"));
    }
}
