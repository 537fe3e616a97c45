package org.commitmenttracker.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What every service's {@code *SecurityIT} starts from: the running service's API and management ports and its
 * request mappings, and the check that every endpoint has its row in the access table of docs/security.md and
 * every row is enforced. A service's IT extends this (as a {@code @SpringBootTest} on a random port) and adds its
 * own checks.
 */
public abstract class AccessTableTests {
    private final String service;

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    protected RequestMappingHandlerMapping mappings;

    /** {@code service}: the service's name in the access table, e.g. {@code registry}. */
    protected AccessTableTests(String service) {
        this.service = service;
    }

    @Test
    void everyEndpointHasARowInTheAccessTableAndEveryRowIsEnforced() {
        AccessMatrix.assertServiceAsDocumented(service, mappings, port);
    }
}
