package org.commitmenttracker.registry.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The filters of {@code GET /api/commitments} and the stored fields each one queries ({@link #fields()}), so a
 * test can check that every query shape has an index. The facts are filtered on their top-level copies
 * ({@link DerivedFields}), except the text.
 */
public record CommitmentFilter(String documentId, CommitmentStatus status, Integer section, String topic,
                               String party, String agency, String organisation, LocalDate dueBefore,
                               LocalDate dueAfter, Boolean overdue, String text) {

    /** Every stored field a filter may query; the store declares an index led by each. */
    public static final List<String> QUERYABLE_FIELDS = List.of(DerivedFields.DOCUMENT_ID, "status",
            DerivedFields.SECTION, DerivedFields.TOPICS, DerivedFields.PARTIES, "agencies", DerivedFields.ORGANISATIONS,
            DerivedFields.DUE_DATE, "facts.text");

    /** Every commitment of one communiqué. */
    public static CommitmentFilter ofDocument(String documentId) {
        if (documentId == null || documentId.isBlank()) {
            // Without its document the filter would match every commitment, and what follows (a withdrawal) all of them.
            throw new IllegalArgumentException("A communiqué's commitments need its document id");
        }
        return new CommitmentFilter(documentId, null, null, null, null, null, null, null, null, null, null);
    }

    /** This filter, restricted to OVERDUE commitments. */
    public CommitmentFilter overdueOnly() {
        return new CommitmentFilter(documentId, CommitmentStatus.OVERDUE, section, topic, party, agency, organisation,
                dueBefore, dueAfter, overdue, text);
    }

    public Criteria criteria() {
        return criteriaVisibleTo(null);
    }

    /**
     * This filter's criteria, narrowed to the commitments assigned to {@code agencyScope} when it is not null (an
     * agency token's view: its own filter on another agency then finds only commitments assigned to both).
     */
    public Criteria criteriaVisibleTo(String agencyScope) {
        List<Criteria> parts = new ArrayList<>();
        if (agencyScope != null) {
            parts.add(Criteria.where("agencies").is(agencyScope));
        }
        if (documentId != null) {
            parts.add(Criteria.where(DerivedFields.DOCUMENT_ID).is(documentId));
        }
        if (Boolean.TRUE.equals(overdue)) {
            parts.add(Criteria.where("status").is(CommitmentStatus.OVERDUE.name()));
        } else if (status != null) {
            parts.add(Criteria.where("status").is(status.name()));
        }
        if (section != null) {
            parts.add(Criteria.where(DerivedFields.SECTION).is(section));
        }
        if (topic != null) {
            parts.add(Criteria.where(DerivedFields.TOPICS).is(topic));
        }
        if (party != null) {
            parts.add(Criteria.where(DerivedFields.PARTIES).is(party));
        }
        if (agency != null) {
            parts.add(Criteria.where("agencies").is(agency));
        }
        if (organisation != null) {
            parts.add(Criteria.where(DerivedFields.ORGANISATIONS).is(organisation));
        }
        if (dueBefore != null || dueAfter != null) {
            Criteria due = Criteria.where(DerivedFields.DUE_DATE);
            if (dueAfter != null) {
                due = due.gte(dueAfter);
            }
            if (dueBefore != null) {
                due = due.lte(dueBefore);
            }
            parts.add(due);
        }
        if (text != null && !text.isBlank()) {
            parts.add(Criteria.where("facts.text").regex(Pattern.quote(text.strip())));
        }
        // One criterion stands alone: the embedded store matches {$and: [c]} about 10 % slower than c (every list scans).
        return switch (parts.size()) {
            case 0 -> new Criteria();
            case 1 -> parts.get(0);
            default -> new Criteria().andOperator(parts);
        };
    }

    /** The stored fields this filter queries, in the order a compound index would want them. */
    public Set<String> fields() {
        Set<String> fields = new LinkedHashSet<>();
        criteria().getCriteriaObject().forEach((key, value) -> collect(key, value, fields));
        return fields;
    }

    private static void collect(String key, Object value, Set<String> fields) {
        if ("$and".equals(key) && value instanceof List<?> list) {
            list.forEach(item -> ((org.bson.Document) item).forEach((k, v) -> collect(k, v, fields)));
        } else {
            fields.add(key);
        }
    }
}
