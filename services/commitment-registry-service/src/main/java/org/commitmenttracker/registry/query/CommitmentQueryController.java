package org.commitmenttracker.registry.query;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.registry.access.AgencyScope;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.lineage.LineageFacts;
import org.commitmenttracker.registry.lineage.StoredLineageFacts;
import org.commitmenttracker.registry.lineage.LineageFilter;
import org.commitmenttracker.registry.store.CommitmentFilter;
import org.commitmenttracker.registry.store.CommitmentNotFound;
import org.commitmenttracker.registry.store.CommitmentQueries;
import org.commitmenttracker.registry.store.Commitments;
import org.commitmenttracker.service.security.Caller;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The read side: one commitment with history, filtered pages (without history), the summary, and a CSV export,
 * each with the commitments' lineage facts and filterable by them ({@link StoredLineageFacts}).
 * Operators and readers see every commitment; an agency token only those assigned to its agency
 * ({@link AgencyScope}): another agency's commitment is unknown to it (404) and left out of every list.
 */
@RestController
@RequestMapping("/api/commitments")
class CommitmentQueryController {
    static final int MAX_PAGE_SIZE = 500;

    private final Commitments commitments;
    private final CommitmentSummaries summaries;
    private final CommitmentQueries queries;
    private final StoredLineageFacts lineage;

    CommitmentQueryController(Commitments commitments, CommitmentSummaries summaries, CommitmentQueries queries,
                              StoredLineageFacts lineage) {
        this.commitments = commitments;
        this.summaries = summaries;
        this.queries = queries;
        this.lineage = lineage;
    }

    /** {@code total} is counted on the first page, or when asked ({@code total=true}); otherwise left out. */
    record Page(List<CommitmentView> items, int page, int size, @JsonInclude(JsonInclude.Include.NON_NULL) Long total,
                String sort) {
    }

    @GetMapping("/{id}")
    CommitmentView get(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        String scope = AgencyScope.of(caller);
        Commitment commitment = commitments.find(id)
                .filter(c -> scope == null || c.agencies().contains(scope))
                .orElseThrow(() -> new CommitmentNotFound(id));
        return CommitmentView.of(commitment, lineage.of(List.of(commitment)).get(id));
    }

    @GetMapping
    Page list(CommitmentFilterParams params, @RequestParam(defaultValue = "0") int page,
              @RequestParam(defaultValue = "50") int size, @RequestParam(defaultValue = "document") String sort,
              @RequestParam(name = "total", required = false) Boolean countTotal,
              @AuthenticationPrincipal Caller caller) {
        String scope = AgencyScope.of(caller);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be ≥ 0 and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        // "most-overdue": overdue commitments (unless a status is asked for), the longest overdue first.
        CommitmentFilter filter = "most-overdue".equals(sort) && params.status() == null
                ? params.filter().overdueOnly() : params.filter();
        CommitmentQueries.ListPage result = queries.page(criteria(filter, params.lineage(), scope), sort, page, size,
                countTotal != null ? countTotal : page == 0);
        Map<String, LineageFacts> facts = lineage.of(result.items());
        return new Page(result.items().stream().map(c -> CommitmentView.listItem(c, facts.get(c.id()))).toList(), page,
                size, result.total(), sort);
    }

    @GetMapping("/summary")
    CommitmentSummaries.Summary summary(CommitmentFilterParams params, @AuthenticationPrincipal Caller caller) {
        String scope = AgencyScope.of(caller);
        return summaries.summarise(params.filter(), criteria(params.filter(), params.lineage(), scope), scope);
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    void export(CommitmentFilterParams params, HttpServletResponse response, @AuthenticationPrincipal Caller caller)
            throws IOException {
        String scope = AgencyScope.of(caller);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"commitments.csv\"");
        try (PrintWriter out = response.getWriter()) {
            CommitmentCsv.write(queries.inDocumentOrder(criteria(params.filter(), params.lineage(), scope)),
                    lineage.renewing(), out);
        }
    }

    /** The criteria of {@code filter} and {@code lineageFilter} together, among what {@code scope} may see. */
    private Criteria criteria(CommitmentFilter filter, LineageFilter lineageFilter, String scope) {
        Criteria criteria = filter.criteriaVisibleTo(scope);
        Criteria renewals = lineage.criteria(lineageFilter);
        if (renewals == null) {
            return criteria;
        }
        return criteria.getCriteriaObject().isEmpty() ? renewals : new Criteria().andOperator(criteria, renewals);
    }

    /** Query parameters of the list, summary and export. */
    record CommitmentFilterParams(String documentId, CommitmentStatus status, Integer section, String topic,
                                  String party, String agency, String organisation,
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueAfter,
                                  Boolean overdue, String q, Integer minRenewals, Boolean renewedWithoutProgress,
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate firstPledgedBefore,
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate firstPledgedAfter) {
        CommitmentFilter filter() {
            return new CommitmentFilter(documentId, status, section, topic, party, agency, organisation, dueBefore,
                    dueAfter, overdue, q);
        }

        LineageFilter lineage() {
            return new LineageFilter(minRenewals, renewedWithoutProgress, firstPledgedBefore, firstPledgedAfter);
        }
    }
}
