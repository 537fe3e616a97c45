package org.commitmenttracker.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.function.Supplier;

import org.commitmenttracker.ingestion.communique.Communique;
import org.commitmenttracker.ingestion.original.OriginalStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A request the ingestion API must refuse: a problem answer, and the store left as it was. */
public final class RefusedRequests {
    private RefusedRequests() {
    }

    /**
     * Sends the request and checks the problem answer ({@code status}, a detail containing {@code detail}), and
     * that neither a communiqué nor a chunk of an original was written; returns the answer for further checks.
     */
    public static HttpResponse<String> assertRefused(MongoTemplate mongo, Supplier<HttpResponse<String>> request,
                                                     int status, String detail) {
        long communiques = mongo.getCollection(Communique.COLLECTION).countDocuments();
        long chunks = mongo.getCollection(OriginalStore.COLLECTION).countDocuments();

        HttpResponse<String> response = request.get();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"detail\":").contains(detail);
        assertThat(mongo.getCollection(Communique.COLLECTION).countDocuments()).isEqualTo(communiques);
        assertThat(mongo.getCollection(OriginalStore.COLLECTION).countDocuments()).isEqualTo(chunks);
        return response;
    }
}
