package org.commitmenttracker.registry.agencies;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The agency directory: point lookups by id (the unique key), kept by operators. */
@Service
public class AgencyDirectory {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final MongoTemplate mongo;

    public AgencyDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Agency> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Agency.class));
    }

    public boolean contains(String id) {
        return id != null && find(id).isPresent();
    }

    /** The ids among {@code ids} that are not in the directory. */
    public List<String> unknown(Collection<String> ids) {
        return ids.stream().filter(id -> !contains(id)).toList();
    }

    public List<Agency> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Agency.class);
    }

    /** Creates or replaces an agency. */
    public Agency save(Agency agency) {
        if (agency.id() == null || !ID.matcher(agency.id()).matches()) {
            throw new IllegalArgumentException("Agency id must be 2–64 characters of a–z, 0–9, '.', '_' or '-'.");
        }
        if (agency.name() == null || agency.name().isBlank() || agency.name().length() > 300) {
            throw new IllegalArgumentException("Agency name is required (at most 300 characters).");
        }
        if (agency.country() == null || !COUNTRY.matcher(agency.country()).matches()) {
            throw new IllegalArgumentException("Agency country must be an ISO 3166 alpha-2 code such as CN or RU.");
        }
        if (agency.contact() != null && agency.contact().length() > 300) {
            throw new IllegalArgumentException("Agency contact is at most 300 characters.");
        }
        return mongo.save(agency);
    }
}
