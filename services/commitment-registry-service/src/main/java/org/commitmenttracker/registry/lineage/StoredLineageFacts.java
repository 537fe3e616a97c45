package org.commitmenttracker.registry.lineage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.store.CommitmentQueries;
import org.commitmenttracker.registry.store.CommitmentStore;
import org.commitmenttracker.registry.store.StatusChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The {@link LineageFacts} of the commitments that renew others, stored on their documents ({@value #FIRST_PLEDGED},
 * {@value #RENEWALS}, {@value #WITHOUT_PROGRESS}; a commitment without them renews nothing), so that lists filter
 * on them like on any other field. They are derived from {@link CommitmentLinks} and the statuses of the linked
 * commitments, and worked out again ({@link #refresh}) for every commitment whose chain a change reaches: the
 * links of a communiqué made or replaced, the links of a withdrawn communiqué deleted ({@link LineageLinker}), and
 * a status change of a commitment that others renew ({@link #statusChanged}, told by the store after the write).
 * Refreshes run one at a time, each reading the state after the change that asked for it, so the last one leaves
 * the facts of the latest state (on one replica; docs/registry.md says what is left with several).
 * <p>Worked out at each read instead, a list filter had to read every link and every linked commitment: among
 * 20,000 commitments with 8,000 links, 5–14 s for the facts and 20–30 s for a filtered count on the embedded store
 * (whose {@code $in} over thousands of ids scans the list for every document), against 13–55 ms for a plain filter.
 */
@Component
public class StoredLineageFacts implements StatusChangeListener {
    static final String FIRST_PLEDGED = "firstPledged";
    static final String RENEWALS = "renewals";
    static final String WITHOUT_PROGRESS = "renewedWithoutProgress";
    private static final String STATUS = "status";
    private static final Logger log = LoggerFactory.getLogger(StoredLineageFacts.class);

    private final MongoTemplate mongo;
    private final CommitmentQueries queries;
    private final CommitmentLinks links;
    /** Commitments whose status changed and whose chains' facts are not refreshed yet (a refresh failed). */
    private final Set<String> unrefreshed = ConcurrentHashMap.newKeySet();

    StoredLineageFacts(MongoTemplate mongo, CommitmentQueries queries, CommitmentLinks links) {
        this.mongo = mongo;
        this.queries = queries;
        this.links = links;
    }

    /**
     * The commitments that renew these (their chains hold them) have their facts worked out again. The write that
     * changed the statuses is stored already: a refresh that fails then must not fail it (a request answered 500
     * whose retry gets 409, a poll redelivered that changes nothing), so the ids are kept and refreshed again by
     * {@link #refreshUnrefreshed}.
     */
    @Override
    public void statusChanged(Collection<String> commitmentIds) {
        unrefreshed.addAll(commitmentIds);
        refreshUnrefreshed();
    }

    /** Refreshes the chains of the commitments whose status change is not refreshed yet (after a failure: every 10 s). */
    @Scheduled(fixedDelay = 10, timeUnit = TimeUnit.SECONDS)
    void refreshUnrefreshed() {
        if (unrefreshed.isEmpty()) {
            return;
        }
        // Taken out before the refresh, put back if it fails: an id a concurrent change adds meanwhile stays for the
        // next refresh, which reads its new state, instead of being removed by this one.
        List<String> changed = List.copyOf(unrefreshed);
        unrefreshed.removeAll(changed);
        try {
            List<String> later = links.to(changed).stream().map(LineageChains.Link::from).distinct().toList();
            if (!later.isEmpty()) {
                refresh(later);
            }
        } catch (RuntimeException e) {
            unrefreshed.addAll(changed);
            log.warn("Lineage facts of the commitments renewing {} commitment(s) not refreshed; tried again in 10 s",
                    changed.size(), e);
        }
    }

    /**
     * Works out again the facts of {@code changed} (commitments whose own links changed) and of every commitment
     * that renews one of them, directly or through others, and stores them.
     */
    public synchronized void refresh(Collection<String> changed) {
        Set<String> affected = new HashSet<>(changed);
        Collection<String> frontier = List.copyOf(affected);
        while (!frontier.isEmpty()) {
            frontier = links.to(frontier).stream().map(LineageChains.Link::from).filter(affected::add).toList();
        }
        List<Commitment> commitments = queries.withoutHistory(affected);
        List<WriteModel<Document>> writes = new ArrayList<>();
        workOut(commitments).forEach((id, facts) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", id),
                facts.renewals() == 0
                        ? Updates.combine(Updates.unset(FIRST_PLEDGED), Updates.unset(RENEWALS), Updates.unset(WITHOUT_PROGRESS))
                        : Updates.combine(Updates.set(FIRST_PLEDGED, mongo.getConverter().convertToMongoType(facts.firstPledged())),
                        Updates.set(RENEWALS, facts.renewals()), Updates.set(WITHOUT_PROGRESS, facts.renewedWithoutProgress())))));
        if (!writes.isEmpty()) {
            mongo.getCollection(CommitmentStore.COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** The facts of each of {@code commitments}, by id, following their chains link by link. */
    private Map<String, LineageFacts> workOut(Collection<Commitment> commitments) {
        Set<String> reached = new HashSet<>();
        commitments.forEach(c -> reached.add(c.id()));
        List<LineageChains.Link> found = new ArrayList<>();
        Collection<String> frontier = List.copyOf(reached);
        while (!frontier.isEmpty()) {
            List<LineageChains.Link> hop = links.from(frontier);
            found.addAll(hop);
            frontier = hop.stream().map(LineageChains.Link::to).filter(reached::add).toList();
        }
        LineageChains chains = new LineageChains(found, ends(found));
        Map<String, LineageFacts> facts = new LinkedHashMap<>();
        commitments.forEach(c -> facts.put(c.id(), chains.factsOf(c.id(), c.facts().documentDate())));
        return facts;
    }

    /** The earlier ends of {@code found}, by id (a link to one gone or unknown has no end). */
    private Map<String, LineageChains.End> ends(List<LineageChains.Link> found) {
        Set<String> ids = new HashSet<>();
        found.forEach(link -> ids.add(link.to()));
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, LineageChains.End> ends = new HashMap<>();
        for (Commitment c : queries.withoutHistory(ids)) {
            ends.put(c.id(), new LineageChains.End(c.facts() == null ? null : c.facts().documentDate(), c.status()));
        }
        return ends;
    }

    /**
     * Those of {@code commitmentIds} that made no progress along their chains: each is {@code PLEDGED}, {@code STALLED}
     * or {@code OVERDUE}, and so was every commitment it renews ({@link LineageChains#madeNoProgress}). A commitment
     * that links to one of them is a pledge renewed without progress.
     */
    public Set<String> withoutProgress(Collection<String> commitmentIds) {
        if (commitmentIds.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        for (Document document : mongo.getCollection(CommitmentStore.COLLECTION).find(Filters.in("_id", commitmentIds))
                .projection(Projections.include(STATUS, RENEWALS, WITHOUT_PROGRESS))) {
            String status = document.getString(STATUS);
            if (status != null && LineageChains.madeNoProgress(CommitmentStatus.valueOf(status), document.containsKey(RENEWALS),
                    Boolean.TRUE.equals(document.getBoolean(WITHOUT_PROGRESS)))) {
                found.add(document.getString("_id"));
            }
        }
        return found;
    }

    /** The stored facts of each of {@code commitments}, by id (one without them renews nothing). */
    public Map<String, LineageFacts> of(Collection<Commitment> commitments) {
        if (commitments.isEmpty()) {
            return Map.of();
        }
        // By _id alone: the embedded store then looks the ids up in its _id index instead of scanning.
        Map<String, LineageFacts> stored = read(Filters.in("_id", commitments.stream().map(Commitment::id).toList()));
        Map<String, LineageFacts> facts = new LinkedHashMap<>();
        commitments.forEach(c -> facts.put(c.id(), stored.getOrDefault(c.id(), LineageFacts.unlinked(c.facts().documentDate()))));
        return facts;
    }

    /** The stored facts of every commitment that renews another, by id (the others renew nothing). */
    public Map<String, LineageFacts> renewing() {
        return read(Filters.exists(RENEWALS));
    }

    private Map<String, LineageFacts> read(org.bson.conversions.Bson filter) {
        Map<String, LineageFacts> facts = new HashMap<>();
        for (Document document : mongo.getCollection(CommitmentStore.COLLECTION).find(filter)
                .projection(Projections.include(FIRST_PLEDGED, RENEWALS, WITHOUT_PROGRESS))) {
            if (!document.containsKey(RENEWALS)) {
                continue; // renews nothing
            }
            Object firstPledged = document.get(FIRST_PLEDGED);
            facts.put(document.getString("_id"), new LineageFacts(firstPledged == null ? null
                    : mongo.getConverter().getConversionService().convert(firstPledged, LocalDate.class),
                    document.getInteger(RENEWALS), Boolean.TRUE.equals(document.getBoolean(WITHOUT_PROGRESS))));
        }
        return facts;
    }

    /**
     * The criteria of the commitments {@code filter} finds, or null when it asks nothing. A commitment that renews
     * nothing (no stored facts) was first pledged in its own communiqué, whose date is asked then.
     */
    public Criteria criteria(LineageFilter filter) {
        List<Criteria> parts = new ArrayList<>();
        if (filter.minRenewals() != null && filter.minRenewals() > 0) {
            parts.add(Criteria.where(RENEWALS).gte(filter.minRenewals()));
        }
        if (filter.renewedWithoutProgress() != null) {
            parts.add(filter.renewedWithoutProgress() ? Criteria.where(WITHOUT_PROGRESS).is(true)
                    : Criteria.where(WITHOUT_PROGRESS).ne(true));
        }
        if (filter.firstPledgedBefore() != null || filter.firstPledgedAfter() != null) {
            parts.add(new Criteria().orOperator(range(Criteria.where(FIRST_PLEDGED), filter),
                    new Criteria().andOperator(Criteria.where(FIRST_PLEDGED).exists(false),
                            range(Criteria.where("facts.documentDate"), filter))));
        }
        return switch (parts.size()) {
            case 0 -> null;
            case 1 -> parts.get(0);
            default -> new Criteria().andOperator(parts);
        };
    }

    private static Criteria range(Criteria field, LineageFilter filter) {
        if (filter.firstPledgedAfter() != null) {
            field = field.gte(filter.firstPledgedAfter());
        }
        if (filter.firstPledgedBefore() != null) {
            field = field.lte(filter.firstPledgedBefore());
        }
        return field;
    }
}
