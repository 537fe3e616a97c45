package org.commitmenttracker.registry.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.registry.intake.CommitmentDocument;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.commitmenttracker.registry.lifecycle.HistoryEntry;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Read side: one commitment with its history, and commitments of a document in order. */
@RestController
@RequestMapping("/api/commitments")
class CommitmentQueryController {
    private static final int MAX_PAGE_SIZE = 500;
    private final MongoTemplate mongo;

    CommitmentQueryController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record CommitmentView(String id, long version, String status, LocalDate dueDate, List<String> agencies,
                          ExtractedFacts facts, List<HistoryEntry> history, Instant updatedAt) {
        static CommitmentView of(CommitmentDocument d) {
            return new CommitmentView(d.id(), d.version(), d.status().name(), d.dueDate(), d.agencies(), d.facts(),
                    d.history(), d.updatedAt());
        }
    }

    record Page(List<CommitmentView> items, int page, int size, long total) {
    }

    @GetMapping("/{id}")
    CommitmentView get(@PathVariable String id) {
        CommitmentDocument document = mongo.findById(id, CommitmentDocument.class);
        if (document == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No commitment " + id + ".");
        }
        return CommitmentView.of(document);
    }

    @GetMapping
    Page list(@RequestParam(required = false) String documentId,
              @RequestParam(defaultValue = "0") int page,
              @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "page must be ≥ 0 and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        Query query = documentId == null ? new Query() : Query.query(Criteria.where("facts.documentId").is(documentId));
        long total = mongo.count(query, CommitmentDocument.class);
        query.with(Sort.by("facts.documentId", "facts.ordinal")).skip((long) page * size).limit(size);
        List<CommitmentView> items = mongo.find(query, CommitmentDocument.class).stream().map(CommitmentView::of).toList();
        return new Page(items, page, size, total);
    }
}
