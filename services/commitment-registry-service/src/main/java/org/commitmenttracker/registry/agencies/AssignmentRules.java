package org.commitmenttracker.registry.agencies;

import java.util.List;
import java.util.TreeSet;

import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The operators' assignment rules (a small collection, read whole). */
@Service
public class AssignmentRules {
    private final MongoTemplate mongo;
    private final AgencyDirectory directory;

    public AssignmentRules(MongoTemplate mongo, AgencyDirectory directory) {
        this.mongo = mongo;
        this.directory = directory;
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
        return mongo.save(rule);
    }

    public void delete(String id) {
        mongo.remove(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), AssignmentRule.class);
    }

    /** The agencies every matching rule assigns to a commitment with these facts. */
    public List<String> agenciesFor(ExtractedFacts facts) {
        TreeSet<String> agencies = new TreeSet<>();
        for (AssignmentRule rule : all()) {
            if (rule.matches(facts.section(), facts.topics())) {
                agencies.addAll(rule.agencies());
            }
        }
        return List.copyOf(agencies);
    }
}
