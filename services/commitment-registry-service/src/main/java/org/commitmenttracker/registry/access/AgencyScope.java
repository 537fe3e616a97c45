package org.commitmenttracker.registry.access;

import org.commitmenttracker.service.security.Caller;
import org.commitmenttracker.service.security.Role;

/**
 * Which commitments a caller may see: operators and readers all of them; a token that is only an agency's, the
 * commitments assigned to its {@code agency_id} (others do not exist for it: 404, left out of lists).
 */
public final class AgencyScope {
    private AgencyScope() {
    }

    /**
     * The agency id whose commitments are all {@code caller} may see, or null when it may see every commitment.
     *
     * @throws NotThisAgency for an agency token without an agency id: it speaks for nobody
     */
    public static String of(Caller caller) {
        if (caller.has(Role.OPERATOR) || caller.has(Role.READER)) {
            return null;
        }
        return speaksFor(caller);
    }

    /** The agency an agency token speaks for. */
    public static String speaksFor(Caller caller) {
        if (!caller.has(Role.AGENCY) || caller.agencyId() == null) {
            throw new NotThisAgency("The token names no agency (agency_id): it may not report or read agency data.");
        }
        return caller.agencyId();
    }
}
