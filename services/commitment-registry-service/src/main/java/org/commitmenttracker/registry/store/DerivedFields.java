package org.commitmenttracker.registry.store;

import java.util.LinkedHashMap;
import java.util.Map;

import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;

/**
 * The top-level fields a commitment's document holds besides its record: values derived from it, and copies of the
 * facts that lists filter on. Every write keeps them equal to the record; only the store's own classes know them
 * ({@link CommitmentFilter} filters on them, {@link CommitmentQueries} sorts on them).
 * <p>The copies exist for the embedded store, which scans the collection for every list and matches a nested
 * field ({@code facts.topics}) at over twice the cost of a top-level one: it splits the path and looks up both
 * halves in every document. Among 10,000 commitments, the keys of 750 {@code facts.topics} matches took 25 ms to
 * read, those of 800 top-level {@code status} matches 11 ms. Real MongoDB serves either from an index.
 */
final class DerivedFields {
    static final String DUE_DATE = "dueDate";
    static final String COMPLIANCE_SCORE = "complianceScore";
    /**
     * The sort key of the list's {@code document} order: the document id (none first), then the ordinal, as one
     * string. A list reads the sort key of every match, and a nested one costs the embedded store twice as much.
     */
    static final String DOCUMENT_ORDER = "documentOrder";
    static final String DOCUMENT_ID = "documentId";
    static final String SECTION = "section";
    static final String TOPICS = "topics";
    static final String PARTIES = "parties";
    static final String ORGANISATIONS = "organisations";
    /**
     * The field added last that every write sets (never null): a document without it was written before it existed
     * and is given all of these at start-up ({@link DerivedFieldsBackfill}).
     */
    static final String LATEST = TOPICS;

    private static final long ORDINAL_OFFSET = -(long) Integer.MIN_VALUE; // every int to 0..2^32-1: ten digits

    private DerivedFields() {
    }

    /** Every derived field of {@code commitment}, by name (null values included: a write unsets them). */
    static Map<String, Object> of(Commitment commitment) {
        ExtractedFacts facts = commitment.facts();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(DUE_DATE, commitment.dueDate());
        fields.put(COMPLIANCE_SCORE, commitment.complianceScore());
        fields.put(DOCUMENT_ORDER, documentOrder(facts.documentId(), facts.ordinal()));
        fields.put(DOCUMENT_ID, facts.documentId());
        fields.put(SECTION, facts.section());
        fields.put(TOPICS, facts.topics());
        fields.put(PARTIES, facts.parties());
        fields.put(ORGANISATIONS, facts.organisations());
        return fields;
    }

    /** {@value #DOCUMENT_ORDER} of the commitment at {@code ordinal} in {@code documentId}: sorts as (documentId, ordinal) does. */
    static String documentOrder(String documentId, int ordinal) {
        String digits = Long.toString(ordinal + ORDINAL_OFFSET);
        return (documentId == null ? "" : documentId) + '\u001f' + "0".repeat(10 - digits.length()) + digits;
    }
}
