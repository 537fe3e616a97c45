package org.commitmenttracker.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Points the code under test at the {@link TestStack}: sets {@code KAFKA_BOOTSTRAP_SERVERS} and
 * {@code MONGODB_URI} as system properties, the same names the services read from the environment, and
 * makes it trust the {@link TestTokens} issuer (and gives it a key to encrypt stored secrets with).
 */
public final class TestStackExtension implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        TestStack stack = TestStack.get();
        String database = databaseOf(context.getRequiredTestClass());
        System.setProperty("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        System.setProperty("MONGODB_URI", stack.mongoUri(database));
        System.setProperty("spring.security.oauth2.resourceserver.jwt.public-key-location",
                "file:" + TestTokens.publicKeyFile().toAbsolutePath());
        System.setProperty("TRACKER_NOTIFICATION_SECRETS_KEY", TestTokens.SECRETS_KEY);
    }

    /**
     * The database a test class asked for, also through a composed annotation such as a module's own {@code @…IT}:
     * the extension is registered through such annotations too, and a class must not fall back to a database that
     * other test classes share.
     */
    static String databaseOf(Class<?> testClass) {
        return AnnotationSupport.findAnnotation(testClass, UsesTestStack.class)
                .map(UsesTestStack::database)
                .orElseThrow(() -> new IllegalStateException(testClass.getName()
                        + " uses the test stack without @UsesTestStack naming its database"));
    }
}
