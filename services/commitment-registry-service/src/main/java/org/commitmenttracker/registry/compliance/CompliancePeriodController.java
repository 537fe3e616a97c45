package org.commitmenttracker.registry.compliance;

import java.time.LocalDate;

import org.commitmenttracker.registry.access.AgencyScope;
import org.commitmenttracker.service.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code /api/communiques/{id}/compliance-period}: a communiqué's assessment window, read by anyone who reads its
 * commitments and set by operators (who and why are kept with it).
 */
@RestController
@RequestMapping("/api/communiques/{documentId}/compliance-period")
class CompliancePeriodController {
    static final int MAX_REASON = 2_000;

    private final CompliancePeriods periods;

    CompliancePeriodController(CompliancePeriods periods) {
        this.periods = periods;
    }

    /** {@code interim} and {@code final} may be left out: midpoint and a year after {@code start}. */
    record PeriodRequest(LocalDate start, LocalDate interim, @JsonProperty("final") LocalDate finalAssessment,
                         String reason) {
    }

    @GetMapping
    CompliancePeriods.PeriodView get(@PathVariable String documentId, @AuthenticationPrincipal Caller caller) {
        return periods.view(documentId, AgencyScope.of(caller));
    }

    @PutMapping
    CompliancePeriods.PeriodView put(@PathVariable String documentId, @RequestBody PeriodRequest request,
                                     @AuthenticationPrincipal Caller caller) {
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > MAX_REASON) {
            throw new IllegalArgumentException("reason is required (at most 2,000 characters): it is kept with the period.");
        }
        CompliancePeriod period = CompliancePeriod.of(request.start(), request.interim(), request.finalAssessment());
        return periods.set(documentId, period, caller.subject(), request.reason());
    }
}
