package org.commitmenttracker.service.config;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health by {@code ping}, which every MongoDB server and the embedded wire-protocol store answer
 * (Boot's own indicator sends {@code hello}, which the embedded store does not know, so readiness would
 * never turn UP there).
 */
public class DocumentStoreHealthIndicator extends AbstractHealthIndicator {
    private final MongoTemplate mongo;

    public DocumentStoreHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ping", answer.get("ok"));
    }
}
