package org.commitmenttracker.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** Problem details carry the registry's own words, never a library's. */
class RegistryProblemsTest {
    private final RegistryProblems problems = new RegistryProblems();

    @Test
    void aLibrarysMessageStaysInTheLog() {
        IllegalArgumentException library = catchThrowableOfType(IllegalArgumentException.class, () -> UUID.fromString("not-a-uuid"));
        ProblemDetail problem = problems.invalid(library);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail()).isEqualTo("The request has a value the registry cannot use.")
                .doesNotContain(library.getMessage());
    }

    @Test
    void theRegistrysOwnRefusalIsExplained() {
        ProblemDetail problem = problems.invalid(new IllegalArgumentException("A rule needs at least one agency."));
        assertThat(problem.getDetail()).isEqualTo("A rule needs at least one agency.");
    }
}
