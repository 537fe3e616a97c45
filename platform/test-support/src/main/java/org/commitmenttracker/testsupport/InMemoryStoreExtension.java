package org.commitmenttracker.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Points the code under test at the {@link InMemoryStore} and at no broker, under the names the services read from
 * the environment, and makes it trust the {@link TestTokens} issuer (as {@link TestStackExtension} does).
 */
public final class InMemoryStoreExtension implements BeforeAllCallback {
    /** Where no broker listens: a producer that tries fails instead of reaching a developer's local Kafka. */
    static final String NO_BROKER = "127.0.0.1:1";

    @Override
    public void beforeAll(ExtensionContext context) {
        String database = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), UsesInMemoryStore.class)
                .orElseThrow().database(); // also where a service's own test annotation carries it
        System.setProperty("MONGODB_URI", InMemoryStore.uri(database));
        System.setProperty("KAFKA_BOOTSTRAP_SERVERS", NO_BROKER);
        System.setProperty("spring.security.oauth2.resourceserver.jwt.public-key-location",
                "file:" + TestTokens.publicKeyFile().toAbsolutePath());
        System.setProperty("TRACKER_NOTIFICATION_SECRETS_KEY", TestTokens.SECRETS_KEY);
    }
}
