package org.commitmenttracker.notification.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up refused for want of a usable secrets key: says what is wrong and what to do, never the value. */
class SecretsKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSecretsKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSecretsKeyException cause) {
        return new FailureAnalysis(cause.getMessage() + " The notification service encrypts webhook signing secrets at rest "
                + "with this key and does not start without it.",
                "Set TRACKER_NOTIFICATION_SECRETS_KEY to the base64 of 32 random bytes (e.g. `openssl rand -base64 32`). "
                        + "If secrets are stored already, it must be the key they were encrypted with (restore it from its "
                        + "backup): with another key they cannot be read.", cause);
    }
}
