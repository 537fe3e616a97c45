package org.commitmenttracker.extraction.access;

import static org.springframework.http.HttpMethod.GET;

import org.commitmenttracker.service.security.AccessRules;
import org.commitmenttracker.service.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may do what on the extraction API (read-only); the same table is in docs/security.md. */
@Component
class ExtractionAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(GET, "/api/analyses/*")
                .hasAnyRole(Role.READER.name(), Role.PUBLISHER.name(), Role.OPERATOR.name());
    }
}
