package org.commitmenttracker.registry.lineage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.commitmenttracker.registry.store.CommitmentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives the commitments linked before their lineage facts were stored those facts, at start-up (before the service
 * reports ready): every commitment with a link to an earlier one but no stored facts is worked out. Once done, a
 * start reads the links and the renewing commitments' ids once and finds nothing to do.
 */
@Component
class LineageFactsBackfill implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(LineageFactsBackfill.class);
    private static final int CHUNK = 500;

    private final MongoTemplate mongo;
    private final CommitmentLinks links;
    private final StoredLineageFacts facts;

    LineageFactsBackfill(MongoTemplate mongo, CommitmentLinks links, StoredLineageFacts facts) {
        this.mongo = mongo;
        this.links = links;
        this.facts = facts;
    }

    @Override
    public void run(ApplicationArguments args) {
        Set<String> renewing = new HashSet<>();
        links.all().forEach(link -> renewing.add(link.from()));
        for (Document stored : mongo.getCollection(CommitmentStore.COLLECTION)
                .find(Filters.exists(StoredLineageFacts.RENEWALS)).projection(Projections.include("_id"))) {
            renewing.remove(stored.getString("_id"));
        }
        // Those left renew nothing stored: linked before the facts existed, or every earlier one withdrawn (cheap again).
        List<String> missing = new ArrayList<>(renewing);
        for (int from = 0; from < missing.size(); from += CHUNK) {
            facts.refresh(missing.subList(from, Math.min(missing.size(), from + CHUNK)));
        }
        if (!missing.isEmpty()) {
            log.info("Worked out the lineage facts of {} linked commitments", missing.size());
        }
    }
}
