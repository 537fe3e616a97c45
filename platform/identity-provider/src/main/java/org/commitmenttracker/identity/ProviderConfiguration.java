package org.commitmenttracker.identity;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Spring Authorization Server with OpenID Connect: the protocol endpoints and the login form, the registered
 * clients, the demo users and the signing key.
 */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    /** One chain: the protocol endpoints, and the login form for a browser that has no session yet. */
    @Bean
    SecurityFilterChain provider(HttpSecurity http) throws Exception {
        return http
                .oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .cors(Customizer.withDefaults())
                .build();
    }

    /** The page calls discovery, the token, key set, user info and logout endpoints from the dashboard's origin. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(ProviderSettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.dashboard().origins());
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/.well-known/**", cors);
        source.registerCorsConfiguration("/oauth2/**", cors);
        source.registerCorsConfiguration("/userinfo", cors);
        return source;
    }

    /** Authorizations forgotten an hour after their tokens expired, not kept for ever (ExpiringAuthorizations). */
    @Bean
    OAuth2AuthorizationService authorizations() {
        return new ExpiringAuthorizations(Clock.systemUTC());
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(ProviderSettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer().toString().replaceAll("/+$", "")).build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(ProviderSettings settings) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.read(settings.signingKey())));
    }

    @Bean
    PlatformClaims platformClaims(ProviderSettings settings) {
        return new PlatformClaims(settings.audience(), settings.users(), settings.clients());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformAccessTokens(PlatformClaims claims) {
        return new PlatformAccessTokens(claims);
    }

    @Bean
    UserDetailsService demoUsers(ProviderSettings settings) {
        return new InMemoryUserDetailsManager(settings.users().stream()
                .map(user -> User.withUsername(user.name()).password(passwords.encode(user.secret()))
                        .roles(user.roles().stream().map(String::toUpperCase).toArray(String[]::new)).build())
                .toList());
    }

    @Bean
    RegisteredClientRepository registeredClients(ProviderSettings settings) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(settings.accessTokenTtl()).build();
        ProviderSettings.Dashboard dashboard = settings.dashboard();
        RegisteredClient.Builder dashboardClient = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(dashboard.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens);
        for (URI uri : dashboard.redirectUris()) {
            dashboardClient.redirectUri(uri.toString()).postLogoutRedirectUri(uri.toString());
        }
        List<RegisteredClient> clients = new ArrayList<>(List.of(dashboardClient.build()));
        for (Account client : settings.clients()) {
            clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(client.name())
                    .clientSecret(passwords.encode(client.secret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(tokens)
                    .build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }
}
