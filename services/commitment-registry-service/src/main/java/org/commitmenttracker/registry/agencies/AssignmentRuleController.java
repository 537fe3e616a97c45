package org.commitmenttracker.registry.agencies;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/assignment-rules}: which agencies new commitments of a section or topic are assigned to. */
@RestController
@RequestMapping("/api/assignment-rules")
class AssignmentRuleController {
    private static final int MAX_NAME = 200;
    private static final int MAX_AGENCIES = 50;
    private final AssignmentRules rules;

    AssignmentRuleController(AssignmentRules rules) {
        this.rules = rules;
    }

    record RuleRequest(Integer section, String topic, List<String> agencies) {
    }

    @GetMapping
    List<AssignmentRule> all() {
        return rules.all();
    }

    @PutMapping("/{id}")
    AssignmentRule put(@PathVariable String id, @RequestBody RuleRequest request) {
        require(id.length() <= MAX_NAME, "A rule id is at most " + MAX_NAME + " characters.");
        require(request.topic() == null || request.topic().length() <= MAX_NAME, "topic is at most " + MAX_NAME + " characters.");
        require(request.agencies() == null || request.agencies().size() <= MAX_AGENCIES,
                "A rule assigns at most " + MAX_AGENCIES + " agencies.");
        if (request.agencies() != null) {
            request.agencies().forEach(agency -> require(agency != null && agency.length() <= MAX_NAME,
                    "agencies are ids of at most " + MAX_NAME + " characters."));
        }
        return rules.save(new AssignmentRule(id, request.section(), request.topic(), request.agencies()));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        rules.delete(id);
        return ResponseEntity.noContent().build();
    }
}
