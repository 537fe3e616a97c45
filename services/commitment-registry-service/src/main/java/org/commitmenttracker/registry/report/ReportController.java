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
import org.commitmenttracker.registry.store.CommitmentQueries;
import org.commitmenttracker.service.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/communiques/{id}/report}: the compliance report of a communiqué, as JSON (the dashboard renders it),
 * an HTML page ({@code Accept: text/html} or {@code format=html}) or a PDF ({@code Accept: application/pdf} or
 * {@code format=pdf}). An agency token gets the report of its own commitments.
 */
@RestController
class ReportController {
    private static final Set<String> FORMATS = Set.of("json", "html", "pdf");
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final CommitmentQueries queries;
    private final CompliancePeriods periods;
    private final PdfFonts pdfFonts;

    ReportController(CommitmentQueries queries, CompliancePeriods periods, PdfFonts pdfFonts) {
        this.queries = queries;
        this.periods = periods;
        this.pdfFonts = pdfFonts;
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
            throw new IllegalArgumentException("format must be json, html or pdf.");
        }
        String scope = AgencyScope.of(caller);
        CompliancePeriod period = periods.of(documentId, scope);
        Assessment assessment = at != null ? Assessment.parse(at) : inForceOrToday(period);
        AssessmentCut cut = AssessmentCut.of(assessment, period, periods.now(), periods.zone());
        List<Commitment> commitments = queries.whole(CommitmentFilter.ofDocument(documentId).criteriaVisibleTo(scope));
        ComplianceReport report = ComplianceReport.build(documentId, period, cut, periods.zone(), commitments);
        return switch (format != null ? format : formatAccepted(accept)) {
            case "pdf" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                            .filename("report-" + documentId + "-" + report.at() + ".pdf", StandardCharsets.UTF_8).build().toString())
                    .body(ReportPdf.render(report, language, pdfFonts.fonts()));
            case "html" -> ResponseEntity.ok().contentType(HTML).body(ReportHtml.render(report, language));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        };
    }

    /** A PDF only when asked for by name; browsers' {@code Accept} lists {@code text/html}, API clients JSON. */
    private static String formatAccepted(String accept) {
        if (accept == null) {
            return "json";
        }
        return accept.contains(MediaType.APPLICATION_PDF_VALUE) ? "pdf" : accept.contains(MediaType.TEXT_HTML_VALUE) ? "html" : "json";
    }

    /** Without its fonts the registry cannot make a PDF; JSON and HTML still work, so this is the server's gap. */
    @ExceptionHandler(PdfFontsUnavailable.class)
    ProblemDetail fontsUnavailable(PdfFontsUnavailable e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("PDF report unavailable");
        return problem;
    }

    private Assessment inForceOrToday(CompliancePeriod period) {
        Assessment inForce = period == null ? null : period.inForce(LocalDate.ofInstant(periods.now(), periods.zone()));
        return inForce != null ? inForce : Assessment.TODAY;
    }
}
