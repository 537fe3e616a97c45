package org.commitmenttracker.registry.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CachedSnapshotTest {
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void answersFromTheCopyWithinItsTtl() {
        CachedSnapshot<Integer> cached = new CachedSnapshot<>(loads::incrementAndGet, Duration.ofHours(1));

        assertThat(cached.current()).isEqualTo(1);
        assertThat(cached.current()).isEqualTo(1);
        assertThat(loads).hasValue(1);
    }

    @Test
    void aWriteHereIsSeenByTheNextRead() {
        CachedSnapshot<Integer> cached = new CachedSnapshot<>(loads::incrementAndGet, Duration.ofHours(1));
        cached.current();

        cached.invalidate();

        assertThat(cached.current()).isEqualTo(2);
        assertThat(cached.current()).isEqualTo(2);
    }

    @Test
    void reloadsOnceTheCopyIsOlderThanItsTtl() throws InterruptedException {
        CachedSnapshot<Integer> cached = new CachedSnapshot<>(loads::incrementAndGet, Duration.ofMillis(20));
        cached.current();

        Thread.sleep(40);

        assertThat(cached.current()).isEqualTo(2);
    }
}
