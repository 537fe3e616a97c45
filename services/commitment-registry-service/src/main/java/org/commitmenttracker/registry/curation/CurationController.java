package org.commitmenttracker.registry.curation;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.commitmenttracker.registry.agencies.AgencyDirectory;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.lifecycle.Correction;
import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.commitmenttracker.registry.lifecycle.Outcome;
import org.commitmenttracker.registry.query.CommitmentView;
import org.commitmenttracker.registry.store.Commitments;
import org.commitmenttracker.service.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What analysts and operators do by hand: correct a commitment (the correction wins over later
 * re-extractions), reject a false one, add one extraction missed, change a status (cancel, supersede, …),
 * assign agencies. Every change is in the commitment's history with who (the token's subject) and why.
 * Request bodies carry only what the caller may decide: ids, versions, statuses of history, compliance and
 * timestamps are the registry's own, and fields a body names beyond its record are ignored.
 */
@RestController
@RequestMapping("/api/commitments")
class CurationController {
    static final int MAX_TEXT = 10_000;
    static final int MAX_REASON = 2_000;
    static final int MAX_ID = 200;
    static final int MAX_LIST = 50;

    private final Commitments commitments;
    private final AgencyDirectory agencies;
    private final DeadlinePolicy policy;
    private final Clock clock;

    CurationController(Commitments commitments, AgencyDirectory agencies, DeadlinePolicy policy, Clock clock) {
        this.commitments = commitments;
        this.agencies = agencies;
        this.policy = policy;
        this.clock = clock;
    }

    record CorrectionRequest(String text, Integer section, LocalDate dueDate, List<String> parties, List<String> topics,
                             String reason) {
    }

    record StatusRequest(CommitmentStatus status, String reason, String supersededBy) {
    }

    record RejectionRequest(String reason) {
    }

    record NewCommitment(String documentId, Integer section, String text, List<String> parties, List<String> topics,
                         LocalDate dueDate, String reason) {
    }

    @PatchMapping("/{id}")
    CommitmentView correct(@PathVariable String id, @RequestBody CorrectionRequest request,
                           @AuthenticationPrincipal Caller caller) {
        requireReason(request.reason());
        String actor = caller.subject();
        requireText(request.text(), false);
        requireNames("parties", request.parties());
        requireNames("topics", request.topics());
        Correction correction = new Correction(request.text(), request.section(), request.dueDate(), request.parties(),
                request.topics());
        return view(commitments.update(id, c -> c.correct(correction, actor, request.reason(), policy, clock.instant()), null));
    }

    @PostMapping("/{id}/status")
    CommitmentView changeStatus(@PathVariable String id, @RequestBody StatusRequest request,
                                @AuthenticationPrincipal Caller caller) {
        if (request.status() == null) {
            throw new IllegalArgumentException("status is required.");
        }
        requireReason(request.reason());
        require(request.supersededBy() == null || request.supersededBy().length() <= MAX_ID,
                "supersededBy is at most " + MAX_ID + " characters.");
        String actor = caller.subject();
        return view(commitments.update(id, c -> c.changeStatus(request.status(), actor, request.reason(),
                request.supersededBy(), clock.instant()), null));
    }

    @PostMapping("/{id}/reject")
    CommitmentView reject(@PathVariable String id, @RequestBody RejectionRequest request,
                          @AuthenticationPrincipal Caller caller) {
        requireReason(request.reason());
        String actor = caller.subject();
        return view(commitments.update(id, c -> c.withdraw(actor, "rejected: " + request.reason(), null, clock.instant()), null));
    }

    @PutMapping("/{id}/agencies")
    CommitmentView assign(@PathVariable String id, @RequestBody List<String> agencyIds,
                          @AuthenticationPrincipal Caller caller) {
        requireNames("agencies", agencyIds);
        List<String> unknown = agencies.unknown(agencyIds);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Not in the agency directory: " + unknown + ".");
        }
        String actor = caller.subject();
        return view(commitments.update(id, c -> c.assign(agencyIds, actor, clock.instant()), null));
    }

    /** Adds a commitment extraction missed; all its fields count as corrected, so extraction never overwrites them. */
    @PostMapping
    ResponseEntity<CommitmentView> add(@RequestBody NewCommitment request,
                                       @AuthenticationPrincipal Caller caller) {
        requireReason(request.reason());
        if (request.documentId() == null || request.documentId().isBlank() || request.documentId().length() > MAX_ID
                || request.text() == null) {
            throw new IllegalArgumentException("documentId (at most " + MAX_ID
                    + " characters) and text (at most 10,000 characters) are required.");
        }
        requireText(request.text(), true);
        requireNames("parties", request.parties());
        requireNames("topics", request.topics());
        String actor = caller.subject();
        String id = "cmt-manual-" + UUID.randomUUID();
        ExtractedFacts facts = new ExtractedFacts(request.documentId(), null, null, "manual", request.section(), 0,
                request.text(), request.parties(), List.of(), List.of(), request.topics(), List.of(), null);
        Outcome outcome = commitments.upsert(id, () -> {
            Outcome registered = Commitment.register(id, facts, actor, "added by hand: " + request.reason(), null,
                    ExtractedFacts.CORRECTABLE, policy, clock.instant());
            return request.dueDate() == null ? registered : registered.next().correct(
                    new Correction(null, null, request.dueDate(), null, null), actor, request.reason(), policy, clock.instant())
                    .withStatusChangesOf(registered);
        }, existing -> {
            throw new IllegalStateException("Generated id " + id + " exists already");
        }, null);
        return ResponseEntity.created(URI.create("/api/commitments/" + id)).body(view(outcome));
    }

    private static CommitmentView view(Outcome outcome) {
        return CommitmentView.of(outcome.next());
    }

    private static void requireReason(String reason) {
        require(reason != null && !reason.isBlank() && reason.length() <= MAX_REASON,
                "reason is required (at most 2,000 characters): history records why.");
    }

    private static void requireText(String text, boolean required) {
        require(text == null ? !required : !text.isBlank() && text.length() <= MAX_TEXT,
                "text must not be blank and is at most 10,000 characters.");
    }

    /** A list of short names (parties, topics, agency ids): at most 50, none null, blank or over 200 characters. */
    private static void requireNames(String field, List<String> names) {
        if (names == null) {
            return;
        }
        require(names.size() <= MAX_LIST, field + " has at most " + MAX_LIST + " entries.");
        for (String name : names) {
            require(name != null && !name.isBlank() && name.length() <= MAX_ID,
                    field + " entries must be non-blank and at most " + MAX_ID + " characters.");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
