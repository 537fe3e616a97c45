package org.commitmenttracker.registry.agencies;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An agency in the directory kept by operators; only agencies in it may report progress. */
@Document(Agency.COLLECTION)
public record Agency(@Id String id, String name, String country, String contact) {
    public static final String COLLECTION = "agencies";
}
