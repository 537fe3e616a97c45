package org.commitmenttracker.extraction.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.commitmenttracker.testsupport.AccessMatrix;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Who may do what on the extraction API, against docs/security.md and the running service. */
@UsesTestStack(database = "extraction-security-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExtractionSecurityIT {
    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointHasARowInTheAccessTableAndEveryRowIsEnforced() {
        var rows = AccessMatrix.documented("extraction");
        AccessMatrix.assertTableMatches(rows, AccessMatrix.liveEndpoints(mappings));
        AccessMatrix.assertEnforced(Http.local(port), rows);
    }

    @Test
    void onlyProbesAndMetricsAnswerWithoutATokenOnTheManagementPort() {
        Http management = Http.local(managementPort);
        assertThat(management.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(management.get("/actuator/bindings").statusCode()).isEqualTo(401);
        assertThat(management.as(TestTokens.bearer("operator")).get("/actuator/bindings").statusCode()).isEqualTo(200);
    }
}
