package org.commitmenttracker.registry.compliance;

/** An interim or final assessment of a communiqué without a compliance period (no date, none set). */
public class NoCompliancePeriod extends RuntimeException {
    public NoCompliancePeriod() {
        super("The communiqué has no compliance period: its date is unknown and no operator has set one "
                + "(PUT …/compliance-period). Ask at=today for today's standing.");
    }
}
