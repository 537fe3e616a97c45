package org.commitmenttracker.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.MongoTimeoutException;

class OutboxRelayTest {
    @Test
    @SuppressWarnings("unchecked")
    void aCollectionThatCannotBeReadAsksForTheNextSweepSoonAndTheOthersAreStillSwept() throws InterruptedException {
        MongoTemplate mongo = mock(MongoTemplate.class, RETURNS_DEEP_STUBS);
        when(mongo.getCollection("communiques")).thenThrow(new MongoTimeoutException("store unreachable"));
        OutboxRelay relay = new OutboxRelay(mongo, mock(KafkaTemplate.class), List.of("communiques", "commitment_links"), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        try {
            assertThat(relay.sweep()).isZero();
            assertThat(relay.failedSinceLastSweep()).as("the next sweep comes after the short interval").isTrue();
            verify(mongo).getCollection("commitment_links");
            // The store answers again: a sweep that reads every collection clears the flag.
            doReturn(mongo.getCollection("commitment_links")).when(mongo).getCollection("communiques");
            relay.sweep();
            assertThat(relay.failedSinceLastSweep()).isFalse();
        } finally {
            relay.destroy();
        }
    }
}
