package org.commitmenttracker.service.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's endpoint rules (which roles may call which method and path), added to the shared chain
 * between the public actuator/API-docs paths and the final deny-all: an endpoint without a rule is
 * refused. The same rules are tabled in docs/security.md and checked against the running service.
 */
@FunctionalInterface
public interface AccessRules {
    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
