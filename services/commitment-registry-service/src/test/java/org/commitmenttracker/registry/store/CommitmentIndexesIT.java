package org.commitmenttracker.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.MongoCommandException;
import org.bson.Document;

import org.commitmenttracker.registry.RegistryIT;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.query.Criteria;
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
    private static final int COMMAND_NOT_FOUND = 59;
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

    /** Replicas starting together may both drop an earlier version's index: the second finds it gone, and goes on. */
    @Test
    void droppingAnIndexAnotherReplicaDroppedAlreadyIsFine() {
        IndexOperations indexes = mongo.indexOps(CommitmentStore.COLLECTION);
        indexes.createIndex(new Index().on("facts.kind", Sort.Direction.ASC).named("dropped_twice"));

        CommitmentIndexes.dropUnlessGone(indexes, "dropped_twice");
        CommitmentIndexes.dropUnlessGone(indexes, "dropped_twice");

        assertThat(indexes.getIndexInfo()).extracting(IndexInfo::getName).doesNotContain("dropped_twice");
        assertThatThrownBy(() -> indexes.dropIndex("dropped_twice")).isInstanceOf(DataAccessException.class);
    }

    /**
     * On real MongoDB the planner serves every filter the registry sends from an index: no shape scans the
     * collection. The embedded store has no planner (no {@code explain} command): there this test is skipped; it
     * runs with {@code -Dtest.infra=containers}.
     */
    @Test
    void realMongoServesEveryQueryShapeFromAnIndex() {
        LocalDate day = LocalDate.of(2027, 6, 30);
        Map<String, Criteria> shapes = new LinkedHashMap<>();
        shapes.put("documentId", new CommitmentFilter("doc", null, null, null, null, null, null, null, null, null, null).criteria());
        shapes.put("status", new CommitmentFilter(null, CommitmentStatus.IN_PROGRESS, null, null, null, null, null, null, null, null, null).criteria());
        shapes.put("section", new CommitmentFilter(null, null, 3, null, null, null, null, null, null, null, null).criteria());
        shapes.put("topic", new CommitmentFilter(null, null, null, "trade", null, null, null, null, null, null, null).criteria());
        shapes.put("party", new CommitmentFilter(null, null, null, null, "CN", null, null, null, null, null, null).criteria());
        shapes.put("agency", new CommitmentFilter(null, null, null, null, null, "mofcom", null, null, null, null, null).criteria());
        shapes.put("organisation", new CommitmentFilter(null, null, null, null, null, null, "SCO", null, null, null, null).criteria());
        shapes.put("dueBefore+dueAfter", new CommitmentFilter(null, null, null, null, null, null, null, day, day.minusYears(1), null, null).criteria());
        shapes.put("overdue", new CommitmentFilter(null, null, null, null, null, null, null, null, null, true, null).criteria());
        shapes.put("text", new CommitmentFilter(null, null, null, null, null, null, null, null, null, null, "博览会").criteria());
        shapes.put("status+topic", new CommitmentFilter(null, CommitmentStatus.STALLED, null, "trade", null, null, null, null, null, null, null).criteria());
        shapes.put("party+section+dueBefore", new CommitmentFilter(null, null, 2, null, "RU", null, null, day, null, null, null).criteria());
        shapes.put("status, as an agency sees it", new CommitmentFilter(null, CommitmentStatus.PLEDGED, null, null, null, null, null, null, null, null, null)
                .criteriaVisibleTo("mofcom"));
        shapes.put("deadline watcher", CommitmentQueries.dueForDeadlineCheck(day, "cmt-a"));
        shapes.put("derived fields backfill", Criteria.where(DerivedFields.LATEST).exists(false));
        QueryMapper mapper = new QueryMapper(mongo.getConverter());
        for (var shape : shapes.entrySet()) {
            Document find = new Document("find", CommitmentStore.COLLECTION)
                    .append("filter", mapper.getMappedObject(shape.getValue().getCriteriaObject(), Optional.empty()));
            Document plan;
            try {
                plan = mongo.getDb().runCommand(new Document("explain", find).append("verbosity", "queryPlanner"));
            } catch (MongoCommandException e) {
                Assumptions.assumeTrue(e.getErrorCode() != COMMAND_NOT_FOUND,
                        "the embedded store has no query planner (no explain): run with -Dtest.infra=containers");
                throw e;
            }
            assertThat(plan.containsKey("queryPlanner")).as(shape.getKey()).isTrue();
            assertThat(stages(plan, new ArrayList<>())).as("%s: %s", shape.getKey(), plan.toJson())
                    .doesNotContain("COLLSCAN").isNotEmpty();
        }
    }

    /** Every {@code stage} named anywhere in an explain result (its layout differs between server versions). */
    private static List<String> stages(Object node, List<String> found) {
        if (node instanceof Document document) {
            document.forEach((key, value) -> {
                if ("stage".equals(key) && value instanceof String stage) {
                    found.add(stage);
                } else {
                    stages(value, found);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> stages(item, found));
        }
        return found;
    }
}
