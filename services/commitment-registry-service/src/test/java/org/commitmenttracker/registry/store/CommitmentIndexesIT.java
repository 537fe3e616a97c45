package org.commitmenttracker.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.commitmenttracker.registry.RegistryIT;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.query.CommitmentFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * Every query shape the registry issues is covered by an index that exists in the database (the embedded
 * store ignores non-unique ones, real MongoDB needs them); versioned updates have their unique {_id, version}.
 */
@RegistryIT
class CommitmentIndexesIT {
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CommitmentIndexes commitmentIndexes;

    @Test
    void everyQueriedFieldLeadsAnIndexAndVersionedUpdatesHaveTheirUniqueOne() {
        List<IndexInfo> indexes = mongo.indexOps(CommitmentStore.COLLECTION).getIndexInfo();
        List<String> leadingFields = indexes.stream().map(i -> i.getIndexFields().get(0).getKey()).toList();

        CommitmentFilter everything = new CommitmentFilter("doc", CommitmentStatus.PLEDGED, 1, "trade", "CN", "a",
                "SCO", java.time.LocalDate.now(), java.time.LocalDate.now(), null, "x");
        assertThat(everything.fields()).containsExactlyInAnyOrderElementsOf(CommitmentFilter.QUERYABLE_FIELDS);
        assertThat(leadingFields).containsAll(CommitmentFilter.QUERYABLE_FIELDS);
        assertThat(leadingFields).contains("nextDeadlineCheck"); // the deadline watcher's query
        assertThat(leadingFields).contains(DerivedFields.DOCUMENT_ORDER); // the default order; the start-up backfill

        IndexInfo versioned = indexes.stream().filter(i -> i.getName().equals("id_version")).findFirst().orElseThrow();
        assertThat(versioned.isUnique()).isTrue();
        assertThat(versioned.getIndexFields()).extracting(f -> f.getKey()).containsExactly("_id", "version");
    }

    @Test
    void indexesOfAnEarlierVersionAreReplacedAtStartUp() {
        IndexOperations indexes = mongo.indexOps(CommitmentStore.COLLECTION);
        // As an earlier version declared them: topics on the nested field, and an index no query uses any more.
        indexes.dropIndex("topics");
        indexes.createIndex(new Index().on("facts.topics", Sort.Direction.ASC).named("topics"));
        indexes.createIndex(new Index().on("facts.documentId", Sort.Direction.ASC).on("facts.ordinal", Sort.Direction.ASC)
                .named("document_ordinal"));

        commitmentIndexes.afterPropertiesSet();

        List<IndexInfo> after = indexes.getIndexInfo();
        assertThat(after).extracting(IndexInfo::getName).doesNotContain("document_ordinal");
        assertThat(after.stream().filter(i -> i.getName().equals("topics")).findFirst().orElseThrow().getIndexFields())
                .extracting(f -> f.getKey()).containsExactly(DerivedFields.TOPICS);
        assertThat(after).extracting(IndexInfo::getName).containsAll(CommitmentIndexes.INDEXES.stream()
                .map(i -> (String) i.getIndexOptions().get("name")).toList());
    }
}
