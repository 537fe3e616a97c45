package org.commitmenttracker.registry.compliance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.store.CommitmentFilter;
import org.commitmenttracker.registry.store.CommitmentQueries;
import org.commitmenttracker.registry.deadlines.DeadlineSettings;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Each communiqué's compliance period: the one an operator set ({@code compliance_periods}), else the default from
 * the communiqué's date (as extraction found it on its commitments); a communiqué without a date has none until an
 * operator sets one. Dates are days in {@code tracker.deadlines.zone}, like deadlines.
 */
@Component
public class CompliancePeriods {
    private final MongoTemplate mongo;
    private final CommitmentQueries queries;
    private final Clock clock;
    private final ZoneId zone;

    CompliancePeriods(MongoTemplate mongo, CommitmentQueries queries, Clock clock, DeadlineSettings deadlines) {
        this.mongo = mongo;
        this.queries = queries;
        this.clock = clock;
        this.zone = deadlines.zone();
    }

    /** A communiqué's period as the API shows it, with where it comes from and the assessment in force today. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PeriodView(String documentId, LocalDate start, LocalDate interim,
                             @JsonProperty("final") LocalDate finalAssessment, String source, String setBy,
                             Instant setAt, String reason, String inForce) {
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The period of communiqué {@code documentId} (null: none), as the caller sees it.
     *
     * @throws UnknownCommunique when none of its commitments is registered or visible to {@code agencyScope}
     */
    public CompliancePeriod of(String documentId, String agencyScope) {
        return resolve(documentId, agencyScope).period;
    }

    /** As {@link #of}, with its source, for the API. */
    public PeriodView view(String documentId, String agencyScope) {
        Resolved resolved = resolve(documentId, agencyScope);
        if (resolved.period == null) {
            return new PeriodView(documentId, null, null, null, "none", null, null, null, null);
        }
        Assessment inForce = resolved.period.inForce(LocalDate.ofInstant(now(), zone));
        SetPeriod set = resolved.set;
        return new PeriodView(documentId, resolved.period.start(), resolved.period.interim(),
                resolved.period.finalAssessment(), set != null ? "set" : "default", set != null ? set.setBy() : null,
                set != null ? set.setAt() : null, set != null ? set.reason() : null,
                inForce == null ? null : inForce.apiName());
    }

    /** Sets a communiqué's period (dates missing from the request take their defaults from the start). */
    public PeriodView set(String documentId, CompliancePeriod period, String actor, String reason) {
        resolve(documentId, null); // unknown communiqué: 404 before anything is stored
        mongo.save(new SetPeriod(documentId, period.start(), period.interim(), period.finalAssessment(), actor,
                now(), reason), SetPeriod.COLLECTION);
        return view(documentId, null);
    }

    /** The period of each communiqué of {@code commitments} that has one. */
    public Map<String, CompliancePeriod> periodsOf(Collection<Commitment> commitments) {
        List<String> documentIds = commitments.stream().map(c -> c.facts().documentId()).filter(Objects::nonNull)
                .distinct().toList();
        Map<String, CompliancePeriod> periods = new HashMap<>();
        for (Commitment c : commitments) {
            if (c.facts().documentDate() != null) {
                periods.merge(c.facts().documentId(), CompliancePeriod.from(c.facts().documentDate()),
                        (a, b) -> a.start().isBefore(b.start()) ? a : b);
            }
        }
        mongo.find(Query.query(Criteria.where("_id").in(documentIds)), SetPeriod.class, SetPeriod.COLLECTION)
                .forEach(set -> periods.put(set.documentId(), set.period()));
        return periods;
    }

    private record Resolved(CompliancePeriod period, SetPeriod set) {
    }

    private Resolved resolve(String documentId, String agencyScope) {
        if (!queries.exists(CommitmentFilter.ofDocument(documentId).criteriaVisibleTo(agencyScope))) {
            throw new UnknownCommunique(documentId);
        }
        SetPeriod set = mongo.findById(documentId, SetPeriod.class, SetPeriod.COLLECTION);
        if (set != null) {
            return new Resolved(set.period(), set);
        }
        Commitment found = queries.firstWithoutHistory(CommitmentFilter.ofDocument(documentId).criteria()
                .and("facts.documentDate").ne(null), Sort.by("facts.documentDate")); // the earliest, as periodsOf takes it
        return new Resolved(found == null ? null : CompliancePeriod.from(found.facts().documentDate()), null);
    }
}
