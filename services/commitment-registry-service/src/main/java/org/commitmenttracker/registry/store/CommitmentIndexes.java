package org.commitmenttracker.registry.store;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.mongodb.MongoCommandException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * The indexes the registry's queries need, created at start-up. {@code {_id, version}} is unique so the
 * embedded store serves versioned updates by index instead of scanning; the others serve real MongoDB
 * (the embedded store ignores non-unique indexes), one led by each queryable field.
 */
@Component
class CommitmentIndexes implements InitializingBean {
    private static final int INDEX_NOT_FOUND = 27;
    private static final Logger log = LoggerFactory.getLogger(CommitmentIndexes.class);
    static final List<Index> INDEXES = List.of(
            new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique().named("id_version"),
            new Index().on(DerivedFields.DOCUMENT_ID, Sort.Direction.ASC).named("document"),
            new Index().on(DerivedFields.DOCUMENT_ORDER, Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("document_order"),
            new Index().on("status", Sort.Direction.ASC).on(DerivedFields.DUE_DATE, Sort.Direction.ASC).named("status_due"),
            new Index().on(DerivedFields.SECTION, Sort.Direction.ASC).named("section"),
            new Index().on(DerivedFields.TOPICS, Sort.Direction.ASC).named("topics"),
            new Index().on(DerivedFields.PARTIES, Sort.Direction.ASC).named("parties"),
            new Index().on("agencies", Sort.Direction.ASC).named("agencies"),
            new Index().on(DerivedFields.ORGANISATIONS, Sort.Direction.ASC).named("organisations"),
            new Index().on(DerivedFields.DUE_DATE, Sort.Direction.ASC).named("due"),
            new Index().on("facts.text", Sort.Direction.ASC).named("text"),
            // the lineage facts' filters (lineage.StoredLineageFacts; firstPledged asks an unlinked commitment's own date)
            new Index().on("renewals", Sort.Direction.ASC).named("renewals"),
            new Index().on("renewedWithoutProgress", Sort.Direction.ASC).named("renewed_without_progress"),
            new Index().on("firstPledged", Sort.Direction.ASC).named("first_pledged"),
            new Index().on("facts.documentDate", Sort.Direction.ASC).named("document_date"),
            new Index().on("nextDeadlineCheck", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("deadline_check"),
            new Index().on("updatedAt", Sort.Direction.DESC).named("updated"));
    /** Indexes earlier versions declared that no query uses any more: dropped at start-up. */
    static final List<String> RETIRED = List.of("document_ordinal");

    private final MongoTemplate mongo;

    CommitmentIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Drops the retired indexes and those stored under a declared name with other fields (an earlier version's:
     * creating it again would fail), then creates the declared ones.
     */
    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(CommitmentStore.COLLECTION);
        Map<String, List<String>> declared = INDEXES.stream().collect(Collectors.toMap(
                index -> (String) index.getIndexOptions().get("name"), index -> List.copyOf(index.getIndexKeys().keySet())));
        for (IndexInfo existing : indexes.getIndexInfo()) {
            List<String> fields = existing.getIndexFields().stream().map(IndexField::getKey).toList();
            List<String> wanted = declared.get(existing.getName());
            if (RETIRED.contains(existing.getName()) || (wanted != null && !wanted.equals(fields))) {
                log.info("Dropping index {} on {} of {}", existing.getName(), fields, CommitmentStore.COLLECTION);
                dropUnlessGone(indexes, existing.getName());
            }
        }
        INDEXES.forEach(indexes::createIndex);
    }

    /** Drops the index; one already gone is fine (another replica starting at the same time dropped it). */
    static void dropUnlessGone(IndexOperations indexes, String name) {
        try {
            indexes.dropIndex(name);
        } catch (DataAccessException e) {
            if (!(e.getMostSpecificCause() instanceof MongoCommandException command && command.getErrorCode() == INDEX_NOT_FOUND)) {
                throw e;
            }
        }
    }
}
