package org.commitmenttracker.registry.lineage;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Collection;
import java.util.List;

import com.mongodb.MongoTimeoutException;
import org.commitmenttracker.registry.store.CommitmentQueries;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A status change is stored before the lineage facts of the commitments renewing it are refreshed: a refresh that
 * fails then does not fail the write (the request that made it would answer 500, its retry 409), and the changed
 * commitment is refreshed by the next retry.
 */
class StoredLineageFactsTest {

    @Test
    void aRefreshFailingAfterAStatusChangeIsKeptAndDoneByTheNextRetry() {
        CommitmentLinks links = mock(CommitmentLinks.class);
        CommitmentQueries queries = mock(CommitmentQueries.class);
        when(links.to(anyCollection()))
                .thenThrow(new MongoTimeoutException("store away"))
                .thenAnswer(call -> call.<Collection<String>>getArgument(0).contains("renewed")
                        ? List.of(new LineageChains.Link("renewing", "renewed")) : List.of());
        StoredLineageFacts facts = new StoredLineageFacts(mock(MongoTemplate.class), queries, links);

        assertThatCode(() -> facts.statusChanged(List.of("renewed"))).doesNotThrowAnyException();
        verify(queries, never()).withoutHistory(anyCollection());

        facts.refreshUnrefreshed();
        verify(queries).withoutHistory(argThat((Collection<String> ids) -> ids.contains("renewing")));

        facts.refreshUnrefreshed(); // done: nothing left to refresh
        verify(links, times(3)).to(anyCollection()); // the failed call, the retry's, and the refresh's own walk
    }
}
