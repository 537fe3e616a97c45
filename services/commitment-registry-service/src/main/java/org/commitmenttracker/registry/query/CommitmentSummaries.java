package org.commitmenttracker.registry.query;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.store.CommitmentStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Counts by status and average compliance, overall and per section, topic, party and agency. Computed in
 * one pass over the matching commitments (10,000 commitments are a few milliseconds), which works the same
 * on MongoDB and on the embedded store.
 */
@Service
class CommitmentSummaries {
    private final MongoTemplate mongo;

    CommitmentSummaries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Counts per status and the mean compliance score (+1 full, 0 partial, −1 none) of the assessed ones. */
    record Group(Map<String, Long> byStatus, long total, long assessed, Double compliance) {
    }

    record Summary(Group overall, Map<String, Group> bySection, Map<String, Group> byTopic, Map<String, Group> byParty,
                   Map<String, Group> byAgency) {
    }

    /** Over the commitments {@code filter} finds among those {@code agencyScope} may see (null: all). */
    Summary summarise(CommitmentFilter filter, String agencyScope) {
        Query query = Query.query(filter.criteriaVisibleTo(agencyScope));
        query.fields().include(CommitmentStore.ALL_BUT_HISTORY); // the history is most of a stored commitment, unused here
        List<Commitment> commitments = mongo.find(query, Commitment.class, CommitmentStore.COLLECTION);
        return new Summary(group(commitments),
                groupBy(commitments, c -> List.of(c.facts().section() == null ? "none" : String.valueOf(c.facts().section()))),
                groupBy(commitments, c -> c.facts().topics()),
                groupBy(commitments, c -> c.facts().parties()),
                groupBy(commitments, Commitment::agencies));
    }

    private static Map<String, Group> groupBy(List<Commitment> commitments, Function<Commitment, List<String>> keys) {
        Map<String, List<Commitment>> groups = new TreeMap<>();
        for (Commitment c : commitments) {
            for (String key : keys.apply(c)) {
                groups.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(c);
            }
        }
        Map<String, Group> result = new TreeMap<>();
        groups.forEach((key, members) -> result.put(key, group(members)));
        return result;
    }

    private static Group group(List<Commitment> commitments) {
        Map<String, Long> byStatus = new TreeMap<>();
        long assessed = 0;
        long scoreSum = 0;
        for (Commitment c : commitments) {
            byStatus.merge(c.status().name(), 1L, Long::sum);
            Integer score = c.complianceScore();
            if (score != null) {
                assessed++;
                scoreSum += score;
            }
        }
        return new Group(byStatus, commitments.size(), assessed, assessed == 0 ? null : (double) scoreSum / assessed);
    }
}
