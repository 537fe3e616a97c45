package org.commitmenttracker.registry.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.store.CommitmentStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads {@link LineageFacts} from {@link CommitmentLinks} and the commitments at the links' ends, at the time of the
 * read. Nothing derived is stored, so the facts cannot go stale: a link added or replaced, a communiqué withdrawn
 * (its links deleted, its commitments WITHDRAWN) or an earlier commitment's status change shows in the next read.
 * One commitment's facts cost a query per link of its chain (chains are a few summits long); the list filters and
 * the CSV export read every link once (docs/registry.md "Lineage facts" has the measurements).
 */
@Component
public class LineageFactsReader {
    private final MongoTemplate mongo;
    private final CommitmentLinks links;

    LineageFactsReader(MongoTemplate mongo, CommitmentLinks links) {
        this.mongo = mongo;
        this.links = links;
    }

    /** The facts of each of {@code commitments}, by id, following their chains link by link. */
    public Map<String, LineageFacts> of(Collection<Commitment> commitments) {
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

    /** The facts of every commitment that renews another, by id (the others renew nothing). */
    public Map<String, LineageFacts> renewing() {
        List<LineageChains.Link> all = links.all();
        return new LineageChains(all, ends(all)).renewing();
    }

    /**
     * The criteria of the commitments {@code filter} finds, or null when it asks nothing. A commitment that renews
     * nothing is first pledged in its own communiqué, so for those the communiqué's date is queried; the others are
     * named by id.
     */
    public Criteria criteria(LineageFilter filter) {
        if (filter.isEmpty()) {
            return null;
        }
        Map<String, LineageFacts> renewing = renewing();
        List<String> matching = renewing.entrySet().stream().filter(e -> filter.matches(e.getValue()))
                .map(Map.Entry::getKey).toList();
        Criteria renewingMatches = Criteria.where("_id").in(matching);
        if (!filter.admitsUnlinked()) {
            return renewingMatches;
        }
        Criteria unlinked = Criteria.where("_id").nin(renewing.keySet());
        if (filter.asksFirstPledged()) {
            Criteria date = Criteria.where("facts.documentDate");
            if (filter.firstPledgedAfter() != null) {
                date = date.gte(filter.firstPledgedAfter());
            }
            if (filter.firstPledgedBefore() != null) {
                date = date.lte(filter.firstPledgedBefore());
            }
            unlinked = new Criteria().andOperator(unlinked, date);
        }
        return new Criteria().orOperator(renewingMatches, unlinked);
    }

    /** The commitments at either end of {@code found}, by id (a link to one gone or unknown has no end). */
    private Map<String, LineageChains.End> ends(List<LineageChains.Link> found) {
        Set<String> ids = new HashSet<>();
        found.forEach(link -> {
            ids.add(link.from());
            ids.add(link.to());
        });
        if (ids.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include(CommitmentStore.ALL_BUT_HISTORY); // a commitment is read whole (its record needs every part)
        Map<String, LineageChains.End> ends = new LinkedHashMap<>();
        for (Commitment c : mongo.find(query, Commitment.class, CommitmentStore.COLLECTION)) {
            ends.put(c.id(), new LineageChains.End(c.facts() == null ? null : c.facts().documentDate(), c.status()));
        }
        return ends;
    }
}
