package org.commitmenttracker.registry.compliance;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A compliance period an operator set for a communiqué, stored as set (with who and when). */
@Document(SetPeriod.COLLECTION)
record SetPeriod(@Id String documentId, LocalDate start, LocalDate interim, LocalDate finalAssessment, String setBy,
                 Instant setAt, String reason) {
    static final String COLLECTION = "compliance_periods";

    CompliancePeriod period() {
        return new CompliancePeriod(start, interim, finalAssessment);
    }
}
