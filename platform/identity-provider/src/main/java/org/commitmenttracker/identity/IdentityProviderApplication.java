package org.commitmenttracker.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The OpenID Connect provider of local runs: people sign in to the dashboard here (authorization code + PKCE) and
 * agency systems get tokens with client credentials. It signs with the key the services already trust.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityProviderApplication {
    public static void main(String[] args) {
        SpringApplication.run(IdentityProviderApplication.class, args);
    }
}
