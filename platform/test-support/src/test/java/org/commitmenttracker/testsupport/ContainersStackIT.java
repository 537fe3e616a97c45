package org.commitmenttracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The containers mode starts real {@code apache/kafka} and {@code mongo} images where Docker exists, and is
 * reported as skipped where it does not (this machine's CI): it never fails for lack of Docker.
 */
class ContainersStackIT {
    @Test
    void startsRealImagesOrSkipsCleanly() {
        TestStack stack = TestStack.startContainers();
        assertThat(stack.kafkaBootstrapServers()).isNotBlank();
        try (MongoClient client = MongoClients.create(stack.mongoUri("probe"))) {
            client.getDatabase("probe").getCollection("c").insertOne(new Document("_id", 1));
            assertThat(client.getDatabase("probe").getCollection("c").countDocuments()).isEqualTo(1);
        }
    }
}
