package org.commitmenttracker.service.security;

import java.time.Clock;

import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Every service's HTTP API as an OAuth2 resource server: stateless, bearer JWTs only, verified by the
 * decoder Boot builds from {@code spring.security.oauth2.resourceserver.jwt.*} (issuer, JWK set or a
 * public key), with the validators below, which Boot adds to it: the one decoder of HTTP and of Kafka-carried
 * tokens requires {@code exp}, {@code sub} and the configured audience ({@link TokenSettings}), and refuses ID
 * tokens. Public: health probes, Prometheus and the API docs; everything else by the service's
 * {@link AccessRules}, then denied. Actuator's other endpoints need the operator role.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({TokenSettings.class, CallerSettings.class})
public class ServiceSecurityAutoConfiguration {

    @Bean
    TokenClock tokenClock(TokenSettings settings) {
        return new TokenClock(Clock.systemUTC(), settings.recordGrace());
    }

    /** Expiry required (Boot's default lets a token without {@code exp} live forever); judged by the token clock. */
    @Bean
    JwtTimestampValidator accessTokenLifetime(TokenClock clock) {
        JwtTimestampValidator lifetime = new JwtTimestampValidator();
        lifetime.setAllowEmptyExpiryClaim(false);
        lifetime.setClock(clock.clock());
        return lifetime;
    }

    /** The header's {@code typ}: absent, a JWT or an RFC 9068 access token; {@code id_token} and the like are refused. */
    @Bean
    JwtTypeValidator accessTokenType() {
        JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt", "application/at+jwt");
        type.setAllowEmpty(true);
        return type;
    }

    @Bean
    OAuth2TokenValidator<Jwt> accessTokenClaims(TokenSettings settings) {
        return new AccessTokenClaims(settings.audience());
    }

    @Bean
    CallerTokenConverter callerTokenConverter(CallerSettings settings) {
        return new CallerTokenConverter(settings.rolesClaim(), settings.agencyClaim());
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<AccessRules> serviceRules,
                                    CallerTokenConverter converter, CallerSettings settings) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        RateLimiterRegistry limiters = WriteRateLimitFilter.registry(settings.rateLimit().writesPerSecond());
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll();
                    rules.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                            "/swagger-ui/**").permitAll();
                    rules.requestMatchers("/error").permitAll();
                    rules.requestMatchers("/actuator/**").hasRole(Role.OPERATOR.name());
                    serviceRules.orderedStream().forEach(service -> service.apply(rules));
                    rules.anyRequest().denyAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(Customizer.withDefaults())
                .addFilterAfter(new WriteRateLimitFilter(limiters), AuthorizationFilter.class)
                .build();
    }
}
