package org.commitmenttracker.service.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a verified JWT into a {@link Caller}: roles from the roles claim (a list, or a space-separated
 * string as some providers write scopes), the agency id from the agency claim. Claim names are
 * configurable ({@code tracker.security.roles-claim}, {@code tracker.security.agency-claim}) so any OIDC
 * provider's mappers fit; unknown role names are ignored, never guessed.
 */
public final class CallerTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {
    private final String rolesClaim;
    private final String agencyClaim;

    public CallerTokenConverter(String rolesClaim, String agencyClaim) {
        this.rolesClaim = rolesClaim;
        this.agencyClaim = agencyClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        return new CallerAuthentication(new Caller(token.getSubject(), roles(token.getClaim(rolesClaim)),
                blankToNull(token.getClaimAsString(agencyClaim))), token);
    }

    private static Set<Role> roles(Object claim) {
        Collection<?> values = List.of();
        if (claim instanceof Collection<?> list) {
            values = list;
        } else if (claim instanceof String text) {
            values = List.of(text.trim().split("\\s+"));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object value : values) {
            Role.ofClaimValue(String.valueOf(value)).ifPresent(roles::add);
        }
        return roles;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
