package org.commitmenttracker.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

class PlatformAccessTokensTest {
    private static final Account OPERATOR = new Account("operator", "operator-password", List.of("operator", "reader"), null);
    private static final Account AGENCY_USER = new Account("agency", "agency-password!", List.of("agency"), "MOFCOM");
    private static final Account AGENCY_CLIENT = new Account("agency-mofcom", "client-secret-123", List.of("agency"), "MOFCOM");
    private final PlatformAccessTokens customizer = new PlatformAccessTokens(
            new PlatformClaims("commitment-tracker", List.of(OPERATOR, AGENCY_USER), List.of(AGENCY_CLIENT)));

    @Test
    void aSignedInUsersAccessTokenNamesThePlatformAndCarriesTheUsersRoles() {
        JwtClaimsSet claims = customized(OAuth2TokenType.ACCESS_TOKEN, user("operator"), AuthorizationGrantType.AUTHORIZATION_CODE);

        assertThat(claims.getAudience()).containsExactly("commitment-tracker");
        assertThat(claims.<List<String>>getClaim("roles")).containsExactly("operator", "reader");
        assertThat(claims.hasClaim("agency_id")).isFalse();
        assertThat(claims.getSubject()).isEqualTo("operator");
    }

    @Test
    void anAgencysTokensCarryItsAgencyWhetherAPersonOrItsSystemAsksForThem() {
        JwtClaimsSet person = customized(OAuth2TokenType.ACCESS_TOKEN, user("agency"), AuthorizationGrantType.AUTHORIZATION_CODE);
        JwtClaimsSet system = customized(OAuth2TokenType.ACCESS_TOKEN, client("agency-mofcom"), AuthorizationGrantType.CLIENT_CREDENTIALS);

        for (JwtClaimsSet claims : List.of(person, system)) {
            assertThat(claims.<List<String>>getClaim("roles")).containsExactly("agency");
            assertThat(claims.<String>getClaim("agency_id")).isEqualTo("MOFCOM");
            assertThat(claims.getAudience()).containsExactly("commitment-tracker");
        }
    }

    @Test
    void anIdTokenKeepsItsClientAsAudienceSoTheServicesRefuseIt() {
        JwtClaimsSet claims = customized(new OAuth2TokenType(OidcParameterNames.ID_TOKEN), user("operator"),
                AuthorizationGrantType.AUTHORIZATION_CODE);

        assertThat(claims.getAudience()).containsExactly("dashboard");
        assertThat(claims.hasClaim("roles")).isFalse();
    }

    @Test
    void aSubjectThatIsNoAccountGetsNoRoles() {
        JwtClaimsSet claims = customized(OAuth2TokenType.ACCESS_TOKEN, user("stranger"), AuthorizationGrantType.AUTHORIZATION_CODE);

        assertThat(claims.hasClaim("roles")).isFalse();
        assertThat(claims.getAudience()).containsExactly("commitment-tracker");
    }

    @Test
    void accountsThatWouldMakeAmbiguousOrRolelessTokensAreRefusedAtStart() {
        assertThatThrownBy(() -> new PlatformClaims("commitment-tracker", List.of(AGENCY_CLIENT), List.of(AGENCY_CLIENT)))
                .hasMessageContaining("Two accounts are named agency-mofcom");
        assertThatThrownBy(() -> new Account("x", "long-enough-secret", List.of("agency"), null))
                .hasMessageContaining("names no agency");
        assertThatThrownBy(() -> new Account("x", "long-enough-secret", List.of("admin"), null))
                .hasMessageContaining("each must be one of");
        assertThatThrownBy(() -> new Account("x", "short", List.of("reader"), null))
                .hasMessageContaining("at least 12 characters");
    }

    private JwtClaimsSet customized(OAuth2TokenType type, Authentication principal, AuthorizationGrantType grant) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(principal.getName()).audience(List.of("dashboard"));
        JwtEncodingContext context = JwtEncodingContext.with(JwsHeader.with(SignatureAlgorithm.RS256), claims)
                .registeredClient(dashboardClient()).principal(principal).tokenType(type).authorizationGrantType(grant).build();
        customizer.customize(context);
        return claims.build();
    }

    private static Authentication user(String name) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null, List.of());
    }

    private static Authentication client(String clientId) {
        RegisteredClient registered = RegisteredClient.withId("1").clientId(clientId)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();
        return new OAuth2ClientAuthenticationToken(registered, ClientAuthenticationMethod.CLIENT_SECRET_BASIC, "secret");
    }

    private static RegisteredClient dashboardClient() {
        return RegisteredClient.withId("d").clientId("dashboard").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1:8085/").build();
    }
}
