package org.commitmenttracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.registry.RegistryFixtures.addCommitment;
import static org.commitmenttracker.registry.RegistryFixtures.json;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.events.DeadlineApproaching;
import org.commitmenttracker.events.DeadlineMissed;
import org.commitmenttracker.registry.deadlines.DeadlineWatcher;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.MutableClock;
import org.commitmenttracker.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The watcher with a moved clock: one approaching notice at the tightest horizon, then missed and OVERDUE. */
@RegistryIT
class DeadlineWatcherIT {
    private final EventCodec codec = new EventCodec();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    DeadlineWatcher watcher;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void announcesEachDeadlineOnceAndMarksTheCommitmentOverdue() {
        Http http = RegistryFixtures.operator(port);
        LocalDate due = LocalDate.now().plusDays(100);
        String id = addCommitment(http, "doc-deadlines", due.toString());

        clock.set(due.minusDays(5).atStartOfDay().plusHours(12).toInstant(java.time.ZoneOffset.UTC));
        watcher.checkNow();
        watcher.checkNow(); // a second replica, or the next run: nothing new
        // The last day is still open at 23:59 UTC …
        clock.set(due.atTime(23, 59).toInstant(java.time.ZoneOffset.UTC));
        watcher.checkNow();
        assertThat(json(http.get("/api/commitments/" + id)).get("status").asString()).isEqualTo("PLEDGED");
        // … and has passed at midnight.
        clock.set(due.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
        watcher.checkNow();
        watcher.checkNow();

        assertThat(json(http.get("/api/commitments/" + id)).get("status").asString()).isEqualTo("OVERDUE");
        List<EventData> deadlines = TopicReader.readUntil(Topics.DEADLINES,
                        records -> records.stream().filter(r -> id.equals(r.key())).count() >= 3, Duration.ofSeconds(30),
                        Duration.ofSeconds(2)).stream()
                .filter(r -> id.equals(r.key())).map(r -> (EventData) codec.decode(r.value()).data()).toList();
        assertThat(deadlines).hasSize(3);
        assertThat(deadlines.get(0)).isInstanceOfSatisfying(DeadlineApproaching.class, a -> {
            assertThat(a.daysBefore()).isEqualTo(7);
            assertThat(a.dueDate()).isEqualTo(due);
        });
        assertThat(deadlines.get(1)).isInstanceOfSatisfying(DeadlineApproaching.class, a -> assertThat(a.daysBefore()).isEqualTo(1));
        assertThat(deadlines.get(2)).isInstanceOf(DeadlineMissed.class);
    }
}
