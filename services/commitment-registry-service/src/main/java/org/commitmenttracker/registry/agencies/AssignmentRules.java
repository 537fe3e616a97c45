package org.commitmenttracker.registry.agencies;

import java.util.List;
import java.util.TreeSet;

import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The operators' assignment rules (a small collection, read whole). Every registered commitment asks them for its
 * agencies, so they are answered from an in-process copy ({@link CachedSnapshot}, TTL
 * {@code tracker.agencies.cache-ttl}, dropped by every save or delete here): a rule changed on another replica
 * applies here to commitments registered after the TTL.
 */
@Service
public class AssignmentRules {
    private final MongoTemplate mongo;
    private final AgencyDirectory directory;
    private final CachedSnapshot<List<AssignmentRule>> rules;

    public AssignmentRules(MongoTemplate mongo, AgencyDirectory directory,
                           AgencySettings settings) {
        this.mongo = mongo;
        this.directory = directory;
        this.rules = new CachedSnapshot<>(this::all, settings.cacheTtl());
    }

    public List<AssignmentRule> all() {
        return mongo.find(new Query().with(Sort.by("_id")), AssignmentRule.class);
    }

    public AssignmentRule save(AssignmentRule rule) {
        if (rule.section() == null && (rule.topic() == null || rule.topic().isBlank())) {
            throw new IllegalArgumentException("A rule needs a section, a topic, or both.");
        }
        if (rule.agencies().isEmpty()) {
            throw new IllegalArgumentException("A rule needs at least one agency.");
        }
        List<String> unknown = directory.unknown(rule.agencies());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Not in the agency directory: " + unknown + ".");
        }
        AssignmentRule saved = mongo.save(rule);
        rules.invalidate();
        return saved;
    }

    public void delete(String id) {
        mongo.remove(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), AssignmentRule.class);
        rules.invalidate();
    }

    /** The agencies every matching rule assigns to a commitment with these facts. */
    public List<String> agenciesFor(ExtractedFacts facts) {
        TreeSet<String> agencies = new TreeSet<>();
        for (AssignmentRule rule : rules.current()) {
            if (rule.matches(facts.section(), facts.topics())) {
                agencies.addAll(rule.agencies());
            }
        }
        return List.copyOf(agencies);
    }
}
