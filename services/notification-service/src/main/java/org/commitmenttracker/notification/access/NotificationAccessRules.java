package org.commitmenttracker.notification.access;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import org.commitmenttracker.service.security.AccessRules;
import org.commitmenttracker.service.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may do what on the notification API (the same table is in docs/security.md): subscribers only, operators
 * included nobody else. Which subscriptions, alerts and deliveries a subscriber reaches is decided further in,
 * by ownership: the token's subject owns what it created, and everything else is answered as absent (404).
 * The links in e-mails (confirm, unsubscribe) and bounce reports are public: their signed token is the proof.
 */
@Component
class NotificationAccessRules implements AccessRules {
    private static final String SUBSCRIBER = Role.SUBSCRIBER.name();

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(GET, "/api/subscriptions", "/api/subscriptions/*", "/api/subscriptions/*/alerts",
                        "/api/subscriptions/*/silences").hasRole(SUBSCRIBER)
                .requestMatchers(POST, "/api/subscriptions", "/api/subscriptions/*/ping", "/api/subscriptions/*/rotate-secret",
                        "/api/subscriptions/*/silences")
                .hasRole(SUBSCRIBER)
                .requestMatchers(PATCH, "/api/subscriptions/*").hasRole(SUBSCRIBER)
                .requestMatchers(DELETE, "/api/subscriptions/*", "/api/subscriptions/*/silences/*").hasRole(SUBSCRIBER)
                .requestMatchers(GET, "/api/email/confirm", "/api/email/unsubscribe").permitAll()
                .requestMatchers(POST, "/api/email/confirm", "/api/email/unsubscribe", "/api/email/bounces").permitAll()
                .requestMatchers(GET, "/api/deliveries", "/api/deliveries/*").hasRole(SUBSCRIBER)
                .requestMatchers(POST, "/api/deliveries/*/replay").hasRole(SUBSCRIBER);
    }
}
