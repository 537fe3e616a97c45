package org.commitmenttracker.registry.report;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.commitmenttracker.registry.access.AgencyScope;
import org.commitmenttracker.registry.compliance.Assessment;
import org.commitmenttracker.registry.compliance.AssessmentCut;
import org.commitmenttracker.registry.compliance.CompliancePeriod;
import org.commitmenttracker.registry.compliance.CompliancePeriods;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.store.CommitmentFilter;
import org.commitmenttracker.registry.store.CommitmentStore;
import org.commitmenttracker.service.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/communiques/{id}/report}: the compliance report of a communiqué, as JSON (the dashboard renders it)
 * or as an HTML page ({@code Accept: text/html} or {@code format=html}). An agency token gets the report of its own
 * commitments.
 */
@RestController
class ReportController {
    private static final Set<String> FORMATS = Set.of("json", "html");
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final MongoTemplate mongo;
    private final CompliancePeriods periods;

    ReportController(MongoTemplate mongo, CompliancePeriods periods) {
        this.mongo = mongo;
        this.periods = periods;
    }

    /** {@code at} left out: the latest assessment that has ended, or today's standing before the interim one. */
    @GetMapping("/api/communiques/{documentId}/report")
    ResponseEntity<?> report(@PathVariable String documentId, @RequestParam(required = false) String at,
                             @RequestParam(defaultValue = "en") String lang,
                             @RequestParam(required = false) String format,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                             @AuthenticationPrincipal Caller caller) {
        ReportLanguage language = ReportLanguage.parse(lang);
        if (format != null && !FORMATS.contains(format)) {
            throw new IllegalArgumentException("format must be json or html.");
        }
        String scope = AgencyScope.of(caller);
        CompliancePeriod period = periods.of(documentId, scope);
        Assessment assessment = at != null ? Assessment.parse(at) : inForceOrToday(period);
        AssessmentCut cut = AssessmentCut.of(assessment, period, periods.now(), periods.zone());
        List<Commitment> commitments = mongo.find(Query.query(CommitmentFilter.ofDocument(documentId)
                .criteriaVisibleTo(scope)), Commitment.class, CommitmentStore.COLLECTION);
        ComplianceReport report = ComplianceReport.build(documentId, period, cut, periods.zone(), commitments);
        boolean html = format != null ? format.equals("html") : accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
        return html ? ResponseEntity.ok().contentType(HTML).body(ReportHtml.render(report, language))
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    private Assessment inForceOrToday(CompliancePeriod period) {
        Assessment inForce = period == null ? null : period.inForce(LocalDate.ofInstant(periods.now(), periods.zone()));
        return inForce != null ? inForce : Assessment.TODAY;
    }
}
