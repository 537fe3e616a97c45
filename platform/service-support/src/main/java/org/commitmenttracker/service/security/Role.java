package org.commitmenttracker.service.security;

import java.util.Locale;
import java.util.Optional;

/** Who may do what (docs/security.md): each token carries one or more roles in its roles claim. */
public enum Role {
    /** Manages agencies, assignments, corrections and cancellations. */
    OPERATOR,
    /** Uploads and withdraws communiqués. */
    PUBLISHER,
    /** An agency system: reports progress on the commitments assigned to its agency id. */
    AGENCY,
    /** Manages its own subscriptions and deliveries. */
    SUBSCRIBER,
    /** Queries. */
    READER;

    /** The value in the token's roles claim: the lower-case name. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofClaimValue(String value) {
        for (Role role : values()) {
            if (role.claimValue().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
