package org.commitmenttracker.registry.store;

import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * The indexes the registry's queries need, created at start-up. {@code {_id, version}} is unique so the
 * embedded store serves versioned updates by index instead of scanning; the others serve real MongoDB
 * (the embedded store ignores non-unique indexes), one led by each queryable field.
 */
@Component
class CommitmentIndexes implements InitializingBean {
    static final List<Index> INDEXES = List.of(
            new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique().named("id_version"),
            new Index().on("facts.documentId", Sort.Direction.ASC).on("facts.ordinal", Sort.Direction.ASC).named("document_ordinal"),
            new Index().on(CommitmentStore.DOCUMENT_ORDER, Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("document_order"),
            new Index().on("status", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC).named("status_due"),
            new Index().on("facts.section", Sort.Direction.ASC).named("section"),
            new Index().on("facts.topics", Sort.Direction.ASC).named("topics"),
            new Index().on("facts.parties", Sort.Direction.ASC).named("parties"),
            new Index().on("agencies", Sort.Direction.ASC).named("agencies"),
            new Index().on("facts.organisations", Sort.Direction.ASC).named("organisations"),
            new Index().on("dueDate", Sort.Direction.ASC).named("due"),
            new Index().on("facts.text", Sort.Direction.ASC).named("text"),
            new Index().on("nextDeadlineCheck", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("deadline_check"),
            new Index().on("updatedAt", Sort.Direction.DESC).named("updated"));

    private final MongoTemplate mongo;

    CommitmentIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(CommitmentStore.COLLECTION);
        INDEXES.forEach(indexes::createIndex);
    }
}
