package org.commitmenttracker.ingestion.communique;

import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * At start-up, gives communiqués stored before near-duplicates were recognised their signature, so a repost of one of
 * them is recognised too. Idempotent (only documents without band keys are read) and safe with several replicas (each
 * writes the same value, computed from the stored text).
 */
@Component
class NearDuplicateBackfill implements InitializingBean {
    private final MongoTemplate mongo;

    NearDuplicateBackfill(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Query unsigned = Query.query(Criteria.where("nearDuplicateKeys").exists(false));
        unsigned.fields().include("_id", "text");
        try (var communiques = mongo.stream(unsigned, Communique.class)) {
            communiques.forEach(communique -> {
                NearDuplicateSignature signature = NearDuplicateSignature.of(communique.text());
                mongo.updateFirst(Query.query(Criteria.where("_id").is(communique.id())),
                        new Update().set("signature", signature)
                                .set("nearDuplicateKeys", signature == null ? List.of() : signature.bandKeys()),
                        Communique.class);
            });
        }
    }
}
