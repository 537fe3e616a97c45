package org.commitmenttracker.registry.access;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.commitmenttracker.service.security.AccessRules;
import org.commitmenttracker.service.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may do what on the registry API; the same table is in docs/security.md. Which commitments an agency
 * token sees and reports on is decided per object ({@link AgencyScope}), not here.
 */
@Component
class RegistryAccessRules implements AccessRules {
    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String READER = Role.READER.name();
    private static final String AGENCY = Role.AGENCY.name();

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/api/commitments/*/progress").hasRole(AGENCY)
                // Curation: corrections, status changes (cancel, supersede, …), rejection, assignment, additions.
                .requestMatchers(PATCH, "/api/commitments/*").hasRole(OPERATOR)
                .requestMatchers(POST, "/api/commitments", "/api/commitments/*/status", "/api/commitments/*/reject")
                .hasRole(OPERATOR)
                .requestMatchers(PUT, "/api/commitments/*/agencies").hasRole(OPERATOR)
                // Queries; an agency token sees only the commitments assigned to its agency.
                .requestMatchers(GET, "/api/commitments", "/api/commitments/summary", "/api/commitments/export.csv",
                        "/api/commitments/*", "/api/commitments/*/lineage").hasAnyRole(READER, OPERATOR, AGENCY)
                // The agency directory and the assignment rules.
                .requestMatchers(GET, "/api/agencies", "/api/agencies/*").hasAnyRole(READER, OPERATOR)
                .requestMatchers(PUT, "/api/agencies/*").hasRole(OPERATOR)
                .requestMatchers(GET, "/api/assignment-rules").hasRole(OPERATOR)
                .requestMatchers(PUT, "/api/assignment-rules/*").hasRole(OPERATOR)
                .requestMatchers(DELETE, "/api/assignment-rules/*").hasRole(OPERATOR)
                // Compliance periods (set by operators) and the compliance report (an agency's: its commitments).
                .requestMatchers(PUT, "/api/communiques/*/compliance-period").hasRole(OPERATOR)
                .requestMatchers(GET, "/api/communiques/*/compliance-period", "/api/communiques/*/report")
                .hasAnyRole(READER, OPERATOR, AGENCY);
    }
}
