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
        return rules.save(new AssignmentRule(id, request.section(), request.topic(), request.agencies()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        rules.delete(id);
        return ResponseEntity.noContent().build();
    }
}
