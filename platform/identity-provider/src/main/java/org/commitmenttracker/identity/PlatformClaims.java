package org.commitmenttracker.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an access token says about its holder, as the services read it (docs/security.md): the platform's audience,
 * the {@code roles} and, for an agency, its {@code agency_id}. Users and clients share one namespace, the token's
 * subject: a user's name or a client's id.
 */
public final class PlatformClaims {
    static final String ROLES_CLAIM = "roles";
    static final String AGENCY_CLAIM = "agency_id";
    private final String audience;
    private final Map<String, Account> accounts = new HashMap<>();

    public PlatformClaims(String audience, List<Account> users, List<Account> clients) {
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("The platform audience must be set");
        }
        this.audience = audience;
        for (Account account : concat(users, clients)) {
            if (accounts.putIfAbsent(account.name(), account) != null) {
                throw new IllegalArgumentException("Two accounts are named " + account.name() + ": a token subject must name one");
            }
        }
    }

    public String audience() {
        return audience;
    }

    /** The claims an access token for {@code subject} adds; empty for a subject that is no account here. */
    public Optional<Map<String, Object>> of(String subject) {
        Account account = accounts.get(subject);
        if (account == null) {
            return Optional.empty();
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(ROLES_CLAIM, account.roles());
        if (account.agency() != null && !account.agency().isBlank()) {
            claims.put(AGENCY_CLAIM, account.agency());
        }
        return Optional.of(claims);
    }

    private static List<Account> concat(List<Account> a, List<Account> b) {
        List<Account> all = new ArrayList<>(a == null ? List.of() : a);
        all.addAll(b == null ? List.of() : b);
        return all;
    }
}
