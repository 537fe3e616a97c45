package org.commitmenttracker.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.registry.RegistryFixtures.addAgency;
import static org.commitmenttracker.registry.RegistryFixtures.addCommitment;
import static org.commitmenttracker.registry.RegistryFixtures.assign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.UUID;

import org.commitmenttracker.registry.RegistryIT;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Pages ordered here from the matches' keys are the pages the store sorts itself, for every list order: with due
 * dates missing and shared, updates in between, and across page boundaries, totals included.
 */
@RegistryIT
class CommitmentPagesIT {
    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyOrderPagesAsTheStoreSortsIt() {
        Http http = Http.local(port).as(TestTokens.bearer("operator"));
        String documentId = "doc-pages-" + UUID.randomUUID();
        addAgency(http, "pages");
        List<String> ids = new ArrayList<>();
        LocalDate shared = LocalDate.now().plusDays(90);
        for (int i = 0; i < 11; i++) {
            String due = i % 4 == 0 ? null : i % 3 == 0 ? shared.toString() : LocalDate.now().plusDays(20L * i).toString();
            ids.add(addCommitment(http, documentId, due));
        }
        assign(http, ids.get(7), "pages"); // later updatedAt than the ones added after it
        assign(http, ids.get(2), "pages");

        CommitmentQueries sortedHere = new CommitmentQueries(mongo, new ListSettings(20_000));
        CommitmentQueries sortedByStore = new CommitmentQueries(mongo, new ListSettings(0));
        Criteria filter = CommitmentFilter.ofDocument(documentId).criteria();
        for (String order : CommitmentQueries.orders()) {
            List<String> all = new ArrayList<>();
            for (int page = 0; page < 4; page++) {
                CommitmentQueries.ListPage here = sortedHere.page(filter, order, page, 4, true);
                CommitmentQueries.ListPage store = sortedByStore.page(filter, order, page, 4, true);
                assertThat(ids(here)).as("%s, page %d", order, page).isEqualTo(ids(store));
                assertThat(here.total()).as("%s, total", order).isEqualTo(11L).isEqualTo(store.total());
                // Items are the stored commitments but their history, whichever path read them.
                for (Commitment item : Stream.concat(here.items().stream(), store.items().stream()).toList()) {
                    Commitment stored = mongo.findById(item.id(), Commitment.class, CommitmentStore.COLLECTION);
                    assertThat(item.history()).isEmpty();
                    assertThat(item).usingRecursiveComparison().ignoringFields("history").isEqualTo(stored);
                }
                all.addAll(ids(here));
            }
            assertThat(all).as(order).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(sortedHere.page(filter, order, 1, 4, false).total()).isNull();
            assertThat(sortedByStore.page(filter, order, 1, 4, false).total()).isNull();
        }
        assertThat(ids(sortedHere.page(filter, "updated", 0, 2, false))).containsExactly(ids.get(2), ids.get(7));
        CommitmentQueries.ListPage none = sortedHere.page(CommitmentFilter.ofDocument("doc-none").criteria(), "due", 0, 5, true);
        assertThat(none.items()).isEmpty();
        assertThat(none.total()).isZero();
    }

    private static List<String> ids(CommitmentQueries.ListPage result) {
        return result.items().stream().map(Commitment::id).toList();
    }
}
