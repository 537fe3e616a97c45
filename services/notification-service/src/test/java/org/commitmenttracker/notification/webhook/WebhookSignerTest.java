package org.commitmenttracker.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void signsLikeTheStandardWebhooksReferenceExample() {
        // The example of the Standard Webhooks specification and its reference libraries.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSigner.signatureHeader("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body, List.of(secret)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringAGracePeriodEverySecretSignsSpaceSeparated() {
        String current = WebhookSecret.generate();
        String previous = WebhookSecret.generate();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSigner.signatureHeader("msg_1", 1, body, List.of(current, previous));
        assertThat(header.split(" ")).containsExactly("v1," + WebhookSigner.sign("msg_1", 1, body, current),
                "v1," + WebhookSigner.sign("msg_1", 1, body, previous));
    }

    @Test
    void generatedSecretsCarryThirtyTwoRandomBytes() {
        String secret = WebhookSecret.generate();
        assertThat(secret).startsWith("whsec_").isNotEqualTo(WebhookSecret.generate());
        assertThat(WebhookSecret.keyOf(secret)).hasSize(32);
    }
}
