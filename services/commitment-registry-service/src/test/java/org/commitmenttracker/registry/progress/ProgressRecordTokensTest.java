package org.commitmenttracker.registry.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.commitmenttracker.events.InvalidEventException;
import org.commitmenttracker.service.security.CallerTokenConverter;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** The sender's token on a progress record: how it is read and refused (dead letters keep none: BatchDeadLettersTest). */
class ProgressRecordTokensTest {
    private final CallerTokenConverter callers = new CallerTokenConverter("roles", "agency_id");
    private final JwtDecoder decoder = token -> switch (token) {
        case "agency" -> Jwt.withTokenValue(token).header("alg", "RS256").subject("agency-system-MOFCOM")
                .claims(c -> c.putAll(Map.of("roles", List.of("agency"), "agency_id", "MOFCOM")))
                .expiresAt(Instant.now().plusSeconds(300)).build();
        case "keys-unreachable" -> throw new JwtException("Couldn't retrieve remote JWK set");
        default -> throw new BadJwtException("Signed JWT rejected: Invalid signature");
    };

    @Test
    void theHeaderIsFoundWhateverItsCase() {
        assertThat(ProgressConsumer.sender(record("Authorization", "Bearer agency"), decoder, callers).agencyId())
                .isEqualTo("MOFCOM");
    }

    @Test
    void aBadTokenIsRefusedButAnIssuerOutageFailsThePollForRedelivery() {
        assertThatThrownBy(() -> ProgressConsumer.sender(record("authorization", "Bearer forged"), decoder, callers))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("its token is not valid");
        assertThatThrownBy(() -> ProgressConsumer.sender(record("authorization", "Bearer keys-unreachable"), decoder, callers))
                .isInstanceOf(JwtException.class).isNotInstanceOf(InvalidEventException.class);
    }

    private static ConsumerRecord<byte[], byte[]> record(String header, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(header, value.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>("progress", 0, 42, 0L, TimestampType.CREATE_TIME, 0, 0, "cmt-1".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8), headers, java.util.Optional.empty());
    }
}
