package org.commitmenttracker.registry.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.events.TimeExpression;
import org.junit.jupiter.api.Test;

class RegistrationTest {
    private static final Instant NOW = Instant.parse("2023-01-01T00:00:00Z");

    private static ExtractedFacts facts(String text, List<TimeExpression> times) {
        return new ExtractedFacts("doc", "title", LocalDate.of(2022, 12, 5), "bullet", 2, 3, text, List.of("CN", "RU"),
                List.of(), List.of(), List.of(), times, "1");
    }

    @Test
    void aNewCommitmentIsRegisteredAsPledged() {
        Registration.Decision decision = Registration.decide(null, facts("支持。", List.of()), "e1", NOW);
        assertThat(decision).isInstanceOfSatisfying(Registration.Register.class, register -> {
            assertThat(register.status()).isEqualTo(CommitmentStatus.PLEDGED);
            assertThat(register.entry().to()).isEqualTo(CommitmentStatus.PLEDGED);
            assertThat(register.entry().eventId()).isEqualTo("e1");
        });
    }

    @Test
    void theSameFactsAgainChangeNothing() {
        assertThat(Registration.decide(facts("支持。", List.of()), facts("支持。", List.of()), "e2", NOW))
                .isInstanceOf(Registration.Unchanged.class);
    }

    @Test
    void changedFactsAreRefreshedWithoutTouchingTheStatus() {
        Registration.Decision decision = Registration.decide(facts("支持。", List.of()), facts("支持举办。", List.of()), "e3", NOW);
        assertThat(decision).isInstanceOfSatisfying(Registration.Refresh.class, refresh -> {
            assertThat(refresh.facts().text()).isEqualTo("支持举办。");
            assertThat(refresh.entry().to()).isNull();
        });
    }

    @Test
    void theDueDateIsTheLatestFutureMilestone() {
        List<TimeExpression> times = List.of(
                new TimeExpression("2021年", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), true),
                new TimeExpression("2023年", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), false),
                new TimeExpression("2023—2027年", LocalDate.of(2023, 1, 1), LocalDate.of(2027, 12, 31), false));
        assertThat(facts("x", times).dueDate()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(facts("x", List.of()).dueDate()).isNull();
    }
}
