package org.commitmenttracker.registry.store;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.Document;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * How the registry reads many commitments: the one adapter that knows what the embedded store (mongo-java-server,
 * which the tests, the dev stack and the benchmarks run on) costs, so that the model and the callers need not.
 * Real MongoDB serves every shape from the declared indexes ({@link CommitmentIndexes}) either way. The store:
 * <ul>
 *   <li>scans the collection for every filter and matches a nested field at twice the cost of a top-level one:
 *   filters match the top-level copies of the facts each write keeps ({@link DerivedFields}, via
 *   {@link CommitmentFilter});</li>
 *   <li>serves an inclusion projection by reference, but copies each whole document (history included) for an
 *   exclusion ({@code history: 0}): commitments are read with every field but the history named
 *   ({@link #ALL_BUT_HISTORY}), and whole only where the history is needed;</li>
 *   <li>keeps every match of a wide filter and sorts them all under its collection lock (3,000 of 10,000 for one
 *   status: most of a 120 ms request): a list page reads the matches' sort keys first (a projection, nothing
 *   sorted by the store), orders them here, cuts the page and reads its commitments by {@code _id}
 *   ({@link #page}). Past {@code tracker.lists.sorted-here-limit} matches ({@link ListSettings}) the store sorts,
 *   and counts in the same pass ({@code $facet}), so that this service's memory stays bounded.</li>
 * </ul>
 */
@Component
public class CommitmentQueries {
    /**
     * The stored fields a commitment is read from, but its history (so neither the outbox nor the derived fields;
     * {@code _id} comes with every projection): for reads of many commitments.
     */
    static final String[] ALL_BUT_HISTORY = CommitmentStore.STATE.stream().map(c -> c.getName()).toArray(String[]::new);

    /** A list order: as the store sorts ({@code sort}) and the same order over the keys read here. */
    record ListOrder(Sort sort, Comparator<Document> keys) {
        /** The fields the keys need: those the sort names ({@code _id} comes with every projection). */
        List<String> keyFields() {
            return sort.stream().map(Sort.Order::getProperty).filter(field -> !"_id".equals(field)).toList();
        }
    }

    // MongoDB's order: a missing or null value sorts before every other value ascending, after them descending.
    private static final Comparator<Document> BY_ID = Comparator.comparing(key -> key.getString("_id"));
    private static final ListOrder DUE = new ListOrder(Sort.by(Sort.Order.asc(DerivedFields.DUE_DATE), Sort.Order.asc("_id")),
            Comparator.comparing((Document key) -> key.getDate(DerivedFields.DUE_DATE), Comparator.nullsFirst(Comparator.<Date>naturalOrder()))
                    .thenComparing(BY_ID));
    private static final ListOrder DOCUMENT = new ListOrder(Sort.by(DerivedFields.DOCUMENT_ORDER, "_id"),
            Comparator.comparing((Document key) -> key.getString(DerivedFields.DOCUMENT_ORDER), Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                    .thenComparing(BY_ID));
    /** The list orders by name: {@code document} (communiqué, then position in it), due date, latest update first. */
    static final Map<String, ListOrder> ORDERS = Map.of(
            "document", DOCUMENT,
            "due", DUE,
            "most-overdue", DUE,
            "updated", new ListOrder(Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("_id")),
                    Comparator.comparing((Document key) -> key.getDate("updatedAt"), Comparator.nullsLast(Comparator.<Date>reverseOrder()))
                            .thenComparing(BY_ID)));

    /** A page and, when asked, the number of all matches. */
    public record ListPage(List<Commitment> items, Long total) {
    }

    private final MongoTemplate mongo;
    private final int sortedHereLimit;

    public CommitmentQueries(MongoTemplate mongo, ListSettings settings) {
        this.mongo = mongo;
        this.sortedHereLimit = settings.sortedHereLimit();
    }

    /** The names of the list orders {@link #page} takes. */
    public static Set<String> orders() {
        return ORDERS.keySet();
    }

    /**
     * Page {@code page} ({@code size} commitments, without their history) of the commitments {@code filter} finds,
     * in list order {@code order} (one of {@link #orders()}), and the number of all of them when {@code withTotal}.
     */
    public ListPage page(Criteria filter, String order, int page, int size, boolean withTotal) {
        ListOrder listOrder = ORDERS.get(order);
        if (listOrder == null) {
            throw new IllegalArgumentException("sort must be one of " + orders() + ".");
        }
        Query keysQuery = Query.query(filter).limit(sortedHereLimit + 1);
        listOrder.keyFields().forEach(field -> keysQuery.fields().include(field));
        List<Document> keys = mongo.find(keysQuery, Document.class, CommitmentStore.COLLECTION);
        if (keys.size() > sortedHereLimit) {
            return pageSortedByStore(filter, listOrder, page, size, withTotal);
        }
        keys.sort(listOrder.keys());
        long from = Math.min((long) page * size, keys.size());
        List<String> ids = keys.subList((int) from, (int) Math.min(from + size, keys.size())).stream()
                .map(key -> key.getString("_id")).toList();
        Map<String, Commitment> found = new LinkedHashMap<>();
        withoutHistory(ids).forEach(c -> found.put(c.id(), c));
        return new ListPage(ids.stream().map(found::get).filter(Objects::nonNull).toList(),
                withTotal ? (long) keys.size() : null);
    }

    /** The page and the total in one pass over the matches, sorted by the store. */
    private ListPage pageSortedByStore(Criteria filter, ListOrder order, int page, int size, boolean withTotal) {
        Document result = mongo.aggregate(Aggregation.newAggregation(Aggregation.match(filter),
                        Aggregation.facet(Aggregation.sort(order.sort()), Aggregation.skip((long) page * size),
                                        Aggregation.limit(size), Aggregation.project(ALL_BUT_HISTORY))
                                .as("items")
                                .and(Aggregation.group().count().as("n")).as("total")),
                CommitmentStore.COLLECTION, Document.class).getUniqueMappedResult();
        List<Commitment> items = result.getList("items", Document.class).stream()
                .map(item -> mongo.getConverter().read(Commitment.class, item)).toList();
        List<Document> counted = result.getList("total", Document.class);
        long total = counted.isEmpty() ? 0L : counted.get(0).get("n", Number.class).longValue();
        return new ListPage(items, withTotal ? total : null);
    }

    /** Every commitment {@code criteria} finds, without its history, in the list's {@code document} order, streamed. */
    public Stream<Commitment> inDocumentOrder(Criteria criteria) {
        return mongo.stream(withoutHistory(Query.query(criteria)).with(DOCUMENT.sort()), Commitment.class,
                CommitmentStore.COLLECTION);
    }

    /** Every commitment {@code criteria} finds, without its history. */
    public List<Commitment> withoutHistory(Criteria criteria) {
        return mongo.find(withoutHistory(Query.query(criteria)), Commitment.class, CommitmentStore.COLLECTION);
    }

    /** The registered ones among {@code ids}, without their history. */
    public List<Commitment> withoutHistory(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : withoutHistory(byId(ids));
    }

    /** The first commitment {@code criteria} finds in {@code order}, without its history; null if none. */
    public Commitment firstWithoutHistory(Criteria criteria, Sort order) {
        return mongo.findOne(withoutHistory(Query.query(criteria)).with(order), Commitment.class, CommitmentStore.COLLECTION);
    }

    /** Every commitment {@code criteria} finds, with its history. */
    public List<Commitment> whole(Criteria criteria) {
        return mongo.find(Query.query(criteria), Commitment.class, CommitmentStore.COLLECTION);
    }

    /** The registered ones among {@code ids}, with their history. */
    public List<Commitment> whole(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : whole(byId(ids));
    }

    /** Whether {@code criteria} finds any commitment. */
    public boolean exists(Criteria criteria) {
        Query query = Query.query(criteria);
        query.fields().include("_id");
        return mongo.exists(query, CommitmentStore.COLLECTION);
    }

    /**
     * Up to {@code limit} ids of open commitments whose next deadline check is due on {@code today}, after id
     * {@code after} (empty: from the first), in id order: a caller walks them batch by batch.
     */
    public List<String> dueForDeadlineCheck(LocalDate today, String after, int limit) {
        Query query = Query.query(dueForDeadlineCheck(today, after)).with(Sort.by("_id")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, CommitmentStore.COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    static Criteria dueForDeadlineCheck(LocalDate today, String after) {
        return Criteria.where("nextDeadlineCheck").lte(today).and("_id").gt(after);
    }

    /** By {@code _id} alone: the embedded store then looks the ids up in its {@code _id} index instead of scanning. */
    private static Criteria byId(Collection<String> ids) {
        return Criteria.where("_id").in(ids);
    }

    private static Query withoutHistory(Query query) {
        query.fields().include(ALL_BUT_HISTORY);
        return query;
    }
}
