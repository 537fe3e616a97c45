package org.commitmenttracker.notification.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.commitmenttracker.notification.matching.EventKind;
import org.commitmenttracker.notification.matching.Occurrence;
import org.junit.jupiter.api.Test;

class SilenceTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Occurrence MISSED = new Occurrence(EventKind.DEADLINE_MISSED, "cmt-1", "doc-1", 2, "text", null, null,
            null, null, "OVERDUE", null, null);

    @Test
    void aSilenceWithoutCriteriaMutesEverythingUntilItEnds() {
        Silence all = new Silence("s", NOW.plusSeconds(60), null, null, null, null, NOW);
        assertThat(all.mutes(MISSED, NOW)).isTrue();
        assertThat(all.mutes(MISSED, NOW.plusSeconds(59))).isTrue();
        assertThat(all.mutes(MISSED, NOW.plusSeconds(60))).as("ended").isFalse();
    }

    @Test
    void criteriaCombineWithAndValuesWithOr() {
        Silence missedOfDoc1 = new Silence("s", NOW.plusSeconds(60), null, Set.of("doc-1", "doc-9"), Set.of(EventKind.DEADLINE_MISSED), null, NOW);
        Silence otherCommitment = new Silence("t", NOW.plusSeconds(60), Set.of("cmt-2"), null, null, null, NOW);
        Silence approaching = new Silence("u", NOW.plusSeconds(60), null, Set.of("doc-1"), Set.of(EventKind.DEADLINE_APPROACHING), null, NOW);
        assertThat(missedOfDoc1.mutes(MISSED, NOW)).isTrue();
        assertThat(otherCommitment.mutes(MISSED, NOW)).isFalse();
        assertThat(approaching.mutes(MISSED, NOW)).isFalse();
        assertThat(Silence.muting(List.of(otherCommitment, missedOfDoc1), MISSED, NOW)).contains(missedOfDoc1);
        assertThat(Silence.muting(List.of(otherCommitment, approaching), MISSED, NOW)).isEmpty();
    }
}
