package org.commitmenttracker.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points the code under test at the {@link TestStack}: sets {@code KAFKA_BOOTSTRAP_SERVERS} and
 * {@code MONGODB_URI} as system properties, the same names the services read from the environment, and
 * makes it trust the {@link TestTokens} issuer (and gives it a key to encrypt stored secrets with).
 */
public final class TestStackExtension implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        TestStack stack = TestStack.get();
        String database = context.getRequiredTestClass().getAnnotation(UsesTestStack.class) == null
                ? "test" : context.getRequiredTestClass().getAnnotation(UsesTestStack.class).database();
        System.setProperty("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        System.setProperty("MONGODB_URI", stack.mongoUri(database));
        System.setProperty("spring.security.oauth2.resourceserver.jwt.public-key-location",
                "file:" + TestTokens.publicKeyFile().toAbsolutePath());
        System.setProperty("TRACKER_NOTIFICATION_SECRETS_KEY", TestTokens.SECRETS_KEY);
    }
}
