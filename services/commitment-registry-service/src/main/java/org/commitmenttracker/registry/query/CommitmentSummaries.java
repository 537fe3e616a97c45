package org.commitmenttracker.registry.query;

import java.util.List;
import java.util.Map;

import org.commitmenttracker.registry.compliance.ComplianceGroup;
import org.commitmenttracker.registry.compliance.ComplianceInForce;
import org.commitmenttracker.registry.compliance.CompliancePeriods;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.store.CommitmentFilter;
import org.commitmenttracker.registry.store.CommitmentQueries;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Counts by current status and mean compliance at the assessment in force ({@link ComplianceInForce}), overall and
 * per section, topic, party and agency. Computed in one pass over the matching commitments (10,000 commitments are
 * a few milliseconds), which works the same on MongoDB and on the embedded store.
 */
@Service
class CommitmentSummaries {
    private final CommitmentQueries queries;
    private final ComplianceInForce compliance;
    private final CompliancePeriods periods;

    CommitmentSummaries(CommitmentQueries queries, ComplianceInForce compliance, CompliancePeriods periods) {
        this.queries = queries;
        this.compliance = compliance;
        this.periods = periods;
    }

    /** {@code period}: the communiqué's compliance period when the filter names one communiqué. */
    record Summary(ComplianceGroup overall, Map<String, ComplianceGroup> bySection, Map<String, ComplianceGroup> byTopic,
                   Map<String, ComplianceGroup> byParty, Map<String, ComplianceGroup> byAgency,
                   @JsonInclude(JsonInclude.Include.NON_NULL) CompliancePeriods.PeriodView period) {
    }

    /**
     * Over the commitments {@code criteria} find (already narrowed to what {@code agencyScope} may see; null scope:
     * all); {@code filter} is the part of the criteria that may name one communiqué.
     */
    Summary summarise(CommitmentFilter filter, Criteria criteria, String agencyScope) {
        List<Commitment> commitments = queries.withoutHistory(criteria); // the history is most of a stored commitment
        List<ComplianceInForce.Scored> scored = compliance.score(commitments);
        return new Summary(ComplianceGroup.of(scored),
                ComplianceGroup.by(scored, s -> ComplianceGroup.sectionKey(s.commitment().facts().section())),
                ComplianceGroup.by(scored, s -> s.commitment().facts().topics()),
                ComplianceGroup.by(scored, s -> s.commitment().facts().parties()),
                ComplianceGroup.by(scored, s -> s.commitment().agencies()),
                filter.documentId() == null || commitments.isEmpty() ? null : periods.view(filter.documentId(), agencyScope));
    }
}
