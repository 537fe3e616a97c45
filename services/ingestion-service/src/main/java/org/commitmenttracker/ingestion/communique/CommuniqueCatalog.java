package org.commitmenttracker.ingestion.communique;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.regex.Pattern;

import org.commitmenttracker.ingestion.original.OriginalStore;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads stored communiqués: one by id, its original bytes, or a page of them, newest first. */
@Service
public class CommuniqueCatalog {
    private final MongoTemplate mongo;
    private final OriginalStore originals;

    public CommuniqueCatalog(MongoTemplate mongo, OriginalStore originals) {
        this.mongo = mongo;
        this.originals = originals;
    }

    /** A page of communiqués and how many match in all. */
    public record Page(List<Communique> items, long total) {
    }

    public Communique get(String id) {
        Communique communique = mongo.findById(id, Communique.class);
        if (communique == null) {
            throw new NoSuchCommunique(id);
        }
        return communique;
    }

    /** Writes the original as uploaded to {@code out}. */
    public void writeOriginal(Communique.OriginalFile file, OutputStream out) throws IOException {
        originals.writeTo(file.id(), file.chunks(), out);
    }

    /**
     * Communiqués newest first, without their text; {@code query} (may be null) keeps those whose title or
     * text contains it, ignoring case.
     */
    public Page page(String query, int page, int size) {
        Criteria criteria = new Criteria();
        if (query != null && !query.isBlank()) {
            String literal = Pattern.quote(query.strip());
            criteria = new Criteria().orOperator(Criteria.where("title").regex(literal, "i"),
                    Criteria.where("text").regex(literal, "i"));
        }
        long total = mongo.count(Query.query(criteria), Communique.class);
        Query pageQuery = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.desc("_id")))
                .skip((long) page * size).limit(size);
        pageQuery.fields().exclude("text").exclude("outbox");
        return new Page(mongo.find(pageQuery, Communique.class), total);
    }
}
