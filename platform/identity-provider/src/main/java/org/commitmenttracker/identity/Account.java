package org.commitmenttracker.identity;

import java.util.List;
import java.util.Set;

/**
 * A demo user (name and password) or a client-credentials client (client id and secret), with the platform roles
 * and agency its access tokens carry.
 */
public record Account(String name, String secret, List<String> roles, String agency) {
    static final Set<String> ROLES = Set.of("operator", "publisher", "agency", "subscriber", "reader");

    public Account {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An account needs a name");
        }
        if (secret == null || secret.length() < 12) {
            throw new IllegalArgumentException("Account " + name + " needs a secret of at least 12 characters");
        }
        roles = roles == null ? List.of() : List.copyOf(roles);
        if (roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("Account " + name + " has roles " + roles + "; each must be one of " + ROLES);
        }
        if (roles.contains("agency") && (agency == null || agency.isBlank())) {
            throw new IllegalArgumentException("Account " + name + " has the agency role but names no agency");
        }
    }
}
