package org.commitmenttracker.extraction.access;

import org.commitmenttracker.testsupport.AccessMatrix;
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
        AccessMatrix.assertServiceAsDocumented("extraction", mappings, port);
    }

    @Test
    void onlyProbesAndMetricsAnswerWithoutATokenOnTheManagementPort() {
        AccessMatrix.assertOnlyProbesAndMetricsArePublic(managementPort);
    }
}
