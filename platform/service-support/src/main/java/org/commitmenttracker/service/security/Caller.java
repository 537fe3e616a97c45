package org.commitmenttracker.service.security;

import java.util.Set;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller of a request, from its token: the subject (a person or a client), its roles and,
 * for agency systems, the agency it speaks for. Controllers take it as {@code @AuthenticationPrincipal Caller}.
 */
public record Caller(String subject, Set<Role> roles, String agencyId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The caller of the request this thread serves. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new AuthenticationCredentialsNotFoundException("No authenticated caller");
    }
}
