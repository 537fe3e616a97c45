package org.commitmenttracker.registry.agencies;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The agency directory, kept by operators. It is small (dozens of agencies) and read on every progress report, so
 * lookups are answered from an in-process copy of the whole collection ({@link CachedSnapshot}): reloaded when
 * older than {@code tracker.agencies.cache-ttl} (default 5 s) and dropped by every save on this replica. An agency
 * saved on another replica is therefore seen here within the TTL.
 */
@Service
public class AgencyDirectory {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final MongoTemplate mongo;
    private final CachedSnapshot<Map<String, Agency>> byId;

    public AgencyDirectory(MongoTemplate mongo, AgencySettings settings) {
        this.mongo = mongo;
        this.byId = new CachedSnapshot<>(() -> all().stream().collect(Collectors.toUnmodifiableMap(Agency::id,
                Function.identity())), settings.cacheTtl());
    }

    public Optional<Agency> find(String id) {
        return Optional.ofNullable(byId.current().get(id));
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
        Agency saved = mongo.save(agency);
        byId.invalidate();
        return saved;
    }
}
