package org.commitmenttracker.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.commitmenttracker.notification.NoiseIT;
import org.commitmenttracker.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The anonymous bounce endpoint reads bounded input (issue 22): a body over tracker.web.max-request-body (1 MB) is
 * refused with 413 before it is parsed, and a field the report does not have is refused while parsing (no map
 * collects unknown keys).
 */
@NoiseIT
class BounceInputIT {
    @LocalServerPort
    int port;

    @Test
    void anOversizedOrUnknownFieldBounceReportIsRefusedBeforeItIsUsed() {
        Http anonymous = Http.local(port);
        String returnPath = "bounce-unknown@bounces.example.org";
        HttpResponse<String> oversized = anonymous.post("/api/email/bounces", "{\"recipient\":\"" + returnPath
                + "\",\"status\":\"5.1.1\",\"diagnostic\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        assertThat(oversized.statusCode()).as(oversized.body()).isEqualTo(413);
        assertThat(oversized.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        StringBuilder manyKeys = new StringBuilder("{\"recipient\":\"" + returnPath + "\",\"status\":\"5.1.1\"");
        for (int i = 0; i < 1000; i++) {
            manyKeys.append(",\"k").append(i).append("\":").append(i);
        }
        HttpResponse<String> unknown = anonymous.post("/api/email/bounces", manyKeys.append('}').toString());
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("/k0").contains("not one the API knows");
    }
}
