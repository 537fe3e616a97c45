package org.commitmenttracker.ingestion.access;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.commitmenttracker.service.security.AccessRules;
import org.commitmenttracker.service.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may do what on the ingestion API; the same table is in docs/security.md. */
@Component
class IngestionAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/api/communiques").hasRole(Role.PUBLISHER.name())
                .requestMatchers(DELETE, "/api/communiques/*").hasAnyRole(Role.PUBLISHER.name(), Role.OPERATOR.name())
                .requestMatchers(GET, "/api/communiques", "/api/communiques/*", "/api/communiques/*/original")
                .hasAnyRole(Role.READER.name(), Role.PUBLISHER.name(), Role.OPERATOR.name());
    }
}
