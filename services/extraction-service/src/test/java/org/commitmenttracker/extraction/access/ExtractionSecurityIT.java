package org.commitmenttracker.extraction.access;

import org.commitmenttracker.testsupport.AccessMatrix;
import org.commitmenttracker.testsupport.AccessTableTests;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Who may do what on the extraction API, against docs/security.md and the running service. */
@UsesTestStack(database = "extraction-security-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExtractionSecurityIT extends AccessTableTests {
    ExtractionSecurityIT() {
        super("extraction");
    }

    @Test
    void onlyProbesAndMetricsAnswerWithoutATokenOnTheManagementPort() {
        AccessMatrix.assertOnlyProbesAndMetricsArePublic(managementPort);
    }
}
