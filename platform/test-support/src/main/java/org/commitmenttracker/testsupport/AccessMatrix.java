package org.commitmenttracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The access table of {@code docs/security.md} as a test: the rows of one service must be exactly the
 * endpoints the running service maps, and each row is probed with no token, a forged token and a token of
 * every role: {@code 401} without a valid token, {@code 403} for a role the row does not name, neither
 * for one it does (the probe's ids do not exist, so an allowed call ends in 400 or 404, never in a change).
 */
public final class AccessMatrix {
    /** Every role a token can carry (docs/security.md). */
    public static final List<String> ROLES = List.of("operator", "publisher", "agency", "subscriber", "reader");
    /** The roles column of an endpoint any caller may use, token or not. */
    public static final String ANYONE = "anyone";
    private static final String PROBE_ID = "matrix-probe-0000";

    /** One row: who may call {@code method path}. */
    public record Row(String method, String path, Set<String> roles) {
        String endpoint() {
            return method + " " + path;
        }

        boolean isPublic() {
            return roles.contains(ANYONE);
        }
    }

    private AccessMatrix() {
    }

    /**
     * The whole check for one running service: its rows of docs/security.md are exactly its endpoints, and
     * every row is enforced on its API port.
     */
    public static void assertServiceAsDocumented(String service, RequestMappingHandlerMapping mappings, int port) {
        List<Row> rows = documented(service);
        assertTableMatches(rows, liveEndpoints(mappings));
        assertEnforced(Http.local(port), rows);
    }

    /**
     * On the management port only the probes and Prometheus answer without a token; other actuator
     * endpoints need the operator role.
     */
    public static void assertOnlyProbesAndMetricsArePublic(int managementPort) {
        Http management = Http.local(managementPort);
        assertThat(management.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(management.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(management.get("/actuator/env").statusCode()).isEqualTo(401);
        assertThat(management.as(TestTokens.bearer("reader")).get("/actuator/bindings").statusCode()).isEqualTo(403);
        assertThat(management.as(TestTokens.bearer("operator")).get("/actuator/bindings").statusCode()).isEqualTo(200);
    }

    /**
     * The write rate limit (the service started with 5 writes per second and client): 30 quick writes of one
     * client meet {@code 429} problems with {@code Retry-After: 1} after at least 5 ordinary answers
     * ({@code answer}); the same write of another client of the same role, and a read of the first, still pass.
     */
    public static void assertWritesLimitedPerClient(int port, String role, String method, String path, int answer,
                                                    String readPath) {
        Http noisy = Http.local(port).as(TestTokens.bearer("noisy-" + UUID.randomUUID(), List.of(role), null));
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(noisy.send(method, path, "application/json", "", Map.of()));
        }
        List<HttpResponse<String>> limited = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(limited).isNotEmpty();
        assertThat(limited.get(0).headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.get(0).headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answers.stream().filter(r -> r.statusCode() == answer)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(noisy.get(readPath).statusCode()).as("a read of the limited client").isEqualTo(200);
        assertThat(Http.local(port).as(TestTokens.bearer("calm-" + UUID.randomUUID(), List.of(role), null))
                .send(method, path, "application/json", "", Map.of()).statusCode()).as("another client").isEqualTo(answer);
    }

    /** The rows of {@code service} in the table of docs/security.md. */
    public static List<Row> documented(String service) {
        Path doc = TestStack.projectRoot().resolve("docs/security.md");
        List<String> lines;
        try {
            lines = Files.readAllLines(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the access table " + doc, e);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            // "| service | METHOD | /path | role, role |" splits into "", service, METHOD, /path, roles
            if (cells.length == 5 && cells[1].equals(service)) {
                Set<String> roles = Arrays.stream(cells[4].split(",")).map(String::strip).filter(r -> !r.isEmpty())
                        .collect(Collectors.toCollection(TreeSet::new));
                for (String role : roles) {
                    assertThat(role).as("role in the row %s %s of docs/security.md", cells[2], cells[3])
                            .isIn(concat(ROLES, ANYONE));
                }
                rows.add(new Row(cells[2], cells[3].replace("`", ""), roles));
            }
        }
        assertThat(rows).as("rows for %s in %s", service, doc).isNotEmpty();
        return rows;
    }

    /** {@code "METHOD /path"} for every API endpoint the service maps (Boot's {@code /error} page aside). */
    public static Set<String> liveEndpoints(RequestMappingHandlerMapping mapping) {
        Set<String> endpoints = new TreeSet<>();
        mapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(path -> !path.equals("/error"))
                .forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(method -> endpoints.add(method.name() + " " + path))));
        return endpoints;
    }

    /** Fails naming every live endpoint without a row and every row without a live endpoint. */
    public static void assertTableMatches(List<Row> rows, Set<String> liveEndpoints) {
        Set<String> documented = rows.stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(new TreeSet<>(liveEndpoints)).as("endpoints the service maps but docs/security.md has no row for")
                .isSubsetOf(documented);
        softly.assertThat(documented).as("rows of docs/security.md the service does not map").isSubsetOf(liveEndpoints);
        softly.assertAll();
    }

    /** Probes every row with every kind of caller; all violations are reported together. */
    public static void assertEnforced(Http api, List<Row> rows) {
        Map<String, String> callers = new LinkedHashMap<>();
        for (String role : ROLES) {
            callers.put(role, role.equals("agency") ? TestTokens.agency("MATRIX-AGENCY")
                    : role.equals("subscriber") ? TestTokens.subscriber("matrix-subscriber") : TestTokens.bearer(role));
        }
        assertEnforced(api, rows, callers);
    }

    /**
     * Probes every row with {@code callers} (role → {@code Bearer …} of a token with that one role), such as the
     * tokens an identity provider issues.
     */
    public static void assertEnforced(Http api, List<Row> rows, Map<String, String> callers) {
        assertThat(callers.keySet()).as("a caller for every role").containsExactlyInAnyOrderElementsOf(ROLES);
        SoftAssertions softly = new SoftAssertions();
        for (Row row : rows) {
            String path = row.path().replaceAll("\\{[^}]+}", PROBE_ID);
            if (row.isPublic()) {
                softly.assertThat(probe(api, row, path, null).statusCode()).as("%s without a token", row.endpoint())
                        .isNotIn(401, 403);
                continue;
            }
            softly.assertThat(probe(api, row, path, null).statusCode()).as("%s without a token", row.endpoint()).isEqualTo(401);
            HttpResponse<String> forged = probe(api, row, path, TestTokens.forged("operator"));
            softly.assertThat(forged.statusCode()).as("%s with a forged operator token", row.endpoint()).isEqualTo(401);
            // The challenge says the token is invalid, never why (a probe learns nothing about keys or claims).
            softly.assertThat(forged.headers().firstValue("WWW-Authenticate")).as("%s challenge", row.endpoint())
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer")
                            .doesNotContainIgnoringCase("signature").doesNotContainIgnoringCase("rejected"));
            callers.forEach((role, token) -> {
                HttpResponse<String> response = probe(api, row, path, token);
                if (row.roles().contains(role)) {
                    softly.assertThat(response.statusCode()).as("%s as %s (allowed): %s", row.endpoint(), role, response.body())
                            .isNotIn(401, 403);
                } else {
                    softly.assertThat(response.statusCode()).as("%s as %s (not allowed)", row.endpoint(), role).isEqualTo(403);
                    softly.assertThat(response.headers().firstValue("Content-Type")).as("%s as %s", row.endpoint(), role)
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                }
            });
        }
        softly.assertAll();
    }

    private static HttpResponse<String> probe(Http api, Row row, String path, String token) {
        Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", token);
        String body = row.method().equals("GET") || row.method().equals("DELETE") ? "" : "{}";
        return api.send(row.method(), path, "application/json", body, headers);
    }

    private static List<String> concat(List<String> list, String element) {
        List<String> all = new ArrayList<>(list);
        all.add(element);
        return all;
    }
}
