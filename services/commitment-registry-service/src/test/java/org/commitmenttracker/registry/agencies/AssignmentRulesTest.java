package org.commitmenttracker.registry.agencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Which agencies a new commitment is assigned to: every rule whose section and topic (where given) match names
 * its agencies; a rule must say what it matches and name agencies of the directory.
 */
class AssignmentRulesTest {
    private static final Set<String> DIRECTORY = Set.of("mofcom", "minek", "mfa", "customs");

    /** The rules collection, as saved: the store reads it whole. */
    private final List<AssignmentRule> collection = new ArrayList<>();
    private AssignmentRules rules;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void rulesOverAStoreAndTheDirectory() {
        MongoTemplate mongo = mock(MongoTemplate.class);
        when(mongo.find(any(Query.class), eq(AssignmentRule.class))).thenAnswer(call -> List.copyOf(collection));
        when(mongo.save(any(AssignmentRule.class))).thenAnswer(call -> {
            AssignmentRule rule = call.getArgument(0);
            collection.removeIf(r -> r.id().equals(rule.id()));
            collection.add(rule);
            return rule;
        });
        AgencyDirectory directory = mock(AgencyDirectory.class);
        when(directory.unknown(anyCollection())).thenAnswer(call ->
                ((Collection<String>) call.getArgument(0)).stream().filter(id -> !DIRECTORY.contains(id)).toList());
        rules = new AssignmentRules(mongo, directory, new AgencySettings(Duration.ofHours(1)));
    }

    @Test
    void aSectionRuleAssignsEveryCommitmentOfThatSection() {
        rules.save(new AssignmentRule("economy", 3, null, List.of("mofcom")));
        assertThat(rules.agenciesFor(facts(3, "energy"))).containsExactly("mofcom");
        assertThat(rules.agenciesFor(facts(3))).containsExactly("mofcom");
        assertThat(rules.agenciesFor(facts(4, "energy"))).isEmpty();
        assertThat(rules.agenciesFor(facts(null, "energy"))).as("a commitment outside any section").isEmpty();
    }

    @Test
    void aTopicRuleAssignsWhicheverSectionTheCommitmentIsIn() {
        rules.save(new AssignmentRule("energy", null, "energy", List.of("minek")));
        assertThat(rules.agenciesFor(facts(1, "trade", "energy"))).containsExactly("minek");
        assertThat(rules.agenciesFor(facts(7, "energy"))).containsExactly("minek");
        assertThat(rules.agenciesFor(facts(7, "trade"))).isEmpty();
        assertThat(rules.agenciesFor(facts(7))).as("a commitment without topics").isEmpty();
    }

    @Test
    void aRuleWithSectionAndTopicNeedsBoth() {
        rules.save(new AssignmentRule("economy-energy", 3, "energy", List.of("minek")));
        assertThat(rules.agenciesFor(facts(3, "energy"))).containsExactly("minek");
        assertThat(rules.agenciesFor(facts(3, "trade"))).isEmpty();
        assertThat(rules.agenciesFor(facts(4, "energy"))).isEmpty();
    }

    @Test
    void everyMatchingRuleContributesEachAgencyOnceInNameOrder() {
        rules.save(new AssignmentRule("economy", 3, null, List.of("mofcom", "customs")));
        rules.save(new AssignmentRule("energy", null, "energy", List.of("minek", "mofcom")));
        rules.save(new AssignmentRule("foreign", 9, null, List.of("mfa")));
        assertThat(rules.agenciesFor(facts(3, "energy"))).containsExactly("customs", "minek", "mofcom");
    }

    @Test
    void aSavedOrChangedRuleAppliesToTheNextCommitmentAtOnce() {
        rules.save(new AssignmentRule("economy", 3, null, List.of("mofcom")));
        assertThat(rules.agenciesFor(facts(3))).containsExactly("mofcom");
        rules.save(new AssignmentRule("economy", 3, null, List.of("customs")));
        assertThat(rules.agenciesFor(facts(3))).containsExactly("customs");
        rules.save(new AssignmentRule("foreign", 3, null, List.of("mfa")));
        assertThat(rules.agenciesFor(facts(3))).containsExactly("customs", "mfa");
    }

    @Test
    void aRuleMustSayWhatItMatches() {
        assertThatThrownBy(() -> rules.save(new AssignmentRule("everything", null, null, List.of("mofcom"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A rule needs a section, a topic, or both.");
        assertThatThrownBy(() -> rules.save(new AssignmentRule("blank", null, "  ", List.of("mofcom"))))
                .hasMessage("A rule needs a section, a topic, or both.");
        assertThat(collection).isEmpty();
    }

    @Test
    void aRuleMustNameAgenciesOfTheDirectory() {
        assertThatThrownBy(() -> rules.save(new AssignmentRule("nobody", 3, null, null)))
                .hasMessage("A rule needs at least one agency.");
        assertThatThrownBy(() -> rules.save(new AssignmentRule("typo", 3, null, List.of("mofcom", "mofkom", "minfin"))))
                .hasMessage("Not in the agency directory: [mofkom, minfin].");
        assertThat(collection).isEmpty();
        assertThat(rules.agenciesFor(facts(3))).isEmpty();
    }

    private static ExtractedFacts facts(Integer section, String... topics) {
        return new ExtractedFacts("doc", "Joint statement", LocalDate.of(2025, 5, 8), "bullet", section, 1,
                "The sides will deepen cooperation.", List.of("CN", "RU"), List.of(), List.of(), List.of(topics), List.of(), "1.0.0");
    }
}
