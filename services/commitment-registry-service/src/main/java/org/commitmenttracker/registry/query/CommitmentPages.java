package org.commitmenttracker.registry.query;

import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.store.CommitmentStore;
import org.commitmenttracker.registry.store.DerivedFields;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * One page of a filtered, sorted list of commitments, without their history and outbox. The matches' sort keys are
 * read first (a projection, nothing sorted by the store), ordered here and cut to the page, whose commitments are
 * then read by {@code _id}. The embedded store otherwise keeps every match of a wide filter and sorts them all
 * under its collection lock (3,000 of 10,000 for one status: most of a 120 ms request), while the keys cost it one
 * scan; on real MongoDB the filter is index-served either way. Past {@code tracker.lists.sorted-here-limit} matches
 * (default 20,000) the store sorts, and counts in the same pass ({@code $facet}), so that this service's memory
 * stays bounded.
 */
@Component
class CommitmentPages {
    /** A list order: as the store sorts ({@code sort}) and the same order over the keys read here. */
    record ListOrder(Sort sort, Comparator<Document> keys) {
        /** The fields the keys need: those the sort names ({@code _id} comes with every projection). */
        List<String> keyFields() {
            return sort.stream().map(Sort.Order::getProperty).filter(field -> !"_id".equals(field)).toList();
        }
    }

    // MongoDB's order: a missing or null value sorts before every other value ascending, after them descending.
    private static final Comparator<Document> BY_ID = Comparator.comparing(key -> key.getString("_id"));
    private static final ListOrder DUE = new ListOrder(Sort.by(Sort.Order.asc("dueDate"), Sort.Order.asc("_id")),
            Comparator.comparing((Document key) -> key.getDate("dueDate"), Comparator.nullsFirst(Comparator.<Date>naturalOrder()))
                    .thenComparing(BY_ID));
    static final Map<String, ListOrder> ORDERS = Map.of(
            "document", new ListOrder(Sort.by(DerivedFields.DOCUMENT_ORDER, "_id"),
                    Comparator.comparing((Document key) -> key.getString(DerivedFields.DOCUMENT_ORDER), Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                            .thenComparing(BY_ID)),
            "due", DUE,
            "most-overdue", DUE,
            "updated", new ListOrder(Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("_id")),
                    Comparator.comparing((Document key) -> key.getDate("updatedAt"), Comparator.nullsLast(Comparator.<Date>reverseOrder()))
                            .thenComparing(BY_ID)));

    /** A page and, when asked, the number of all matches. */
    record Result(List<Commitment> items, Long total) {
    }

    private final MongoTemplate mongo;
    private final int sortedHereLimit;

    CommitmentPages(MongoTemplate mongo, ListSettings settings) {
        this.mongo = mongo;
        this.sortedHereLimit = settings.sortedHereLimit();
    }

    Result page(Criteria filter, ListOrder order, int page, int size, boolean withTotal) {
        Query keysQuery = Query.query(filter).limit(sortedHereLimit + 1);
        order.keyFields().forEach(field -> keysQuery.fields().include(field));
        List<Document> keys = mongo.find(keysQuery, Document.class, CommitmentStore.COLLECTION);
        if (keys.size() > sortedHereLimit) {
            return pageSortedByStore(filter, order, page, size, withTotal);
        }
        keys.sort(order.keys());
        long from = Math.min((long) page * size, keys.size());
        List<String> ids = keys.subList((int) from, (int) Math.min(from + size, keys.size())).stream()
                .map(key -> key.getString("_id")).toList();
        return new Result(byId(ids), withTotal ? (long) keys.size() : null);
    }

    /** The commitments of {@code ids}, in that order. */
    private List<Commitment> byId(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include(CommitmentStore.ALL_BUT_HISTORY);
        Map<String, Commitment> found = new LinkedHashMap<>();
        mongo.find(query, Commitment.class, CommitmentStore.COLLECTION).forEach(c -> found.put(c.id(), c));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** The page and the total in one pass over the matches, sorted by the store. */
    private Result pageSortedByStore(Criteria filter, ListOrder order, int page, int size, boolean withTotal) {
        Document result = mongo.aggregate(Aggregation.newAggregation(Aggregation.match(filter),
                        Aggregation.facet(Aggregation.sort(order.sort()), Aggregation.skip((long) page * size),
                                        Aggregation.limit(size), Aggregation.project(CommitmentStore.ALL_BUT_HISTORY))
                                .as("items")
                                .and(Aggregation.group().count().as("n")).as("total")),
                CommitmentStore.COLLECTION, Document.class).getUniqueMappedResult();
        List<Commitment> items = result.getList("items", Document.class).stream()
                .map(item -> mongo.getConverter().read(Commitment.class, item)).toList();
        List<Document> counted = result.getList("total", Document.class);
        long total = counted.isEmpty() ? 0L : counted.get(0).get("n", Number.class).longValue();
        return new Result(items, withTotal ? total : null);
    }
}
