package org.commitmenttracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.registry.RegistryFixtures.addAgency;
import static org.commitmenttracker.registry.RegistryFixtures.addCommitment;
import static org.commitmenttracker.registry.RegistryFixtures.assign;
import static org.commitmenttracker.registry.RegistryFixtures.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commitmenttracker.events.CommitmentExtracted;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.MutableClock;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * Compliance periods and the compliance report over HTTP, with a moved clock: nothing is assessed before the interim
 * date, the interim figures come from history and stay as they were, and the report shows each commitment as it
 * stood on the assessment date.
 */
@RegistryIT
class CompliancePeriodsIT {
    private static final LocalDate SUMMIT = LocalDate.of(2031, 3, 10);
    private static final LocalDate INTERIM = LocalDate.of(2031, 6, 30);
    private static final LocalDate FINAL = LocalDate.of(2031, 12, 31);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    private Http operator;
    private String documentId;
    private String agencyId;

    @BeforeEach
    void setUp() {
        operator = RegistryFixtures.operator(port);
        documentId = "doc-compliance-" + UUID.randomUUID();
        agencyId = "compliance-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void at(LocalDate day) {
        clock.set(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    private void report(String commitmentId, String eventId, String status, int percent) {
        HttpResponse<String> response = RegistryFixtures.agency(port, agencyId).post("/api/commitments/" + commitmentId + "/progress",
                RegistryFixtures.report(eventId, agencyId, status, percent, clock.instant()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private JsonNode summary() {
        return json(operator.get("/api/commitments/summary?documentId=" + documentId));
    }

    private String path(String rest) {
        return "/api/communiques/" + documentId + rest;
    }

    @Test
    void freshPledgesAreNotYetAssessedAndTheInterimFiguresComeFromHistoryAndStay() {
        at(SUMMIT.plusDays(1));
        addAgency(operator, agencyId);
        String first = addCommitment(operator, documentId, null);
        String second = addCommitment(operator, documentId, null);
        String third = addCommitment(operator, documentId, null);
        assign(operator, first, agencyId);
        assign(operator, second, agencyId);

        // Added by hand, the communiqué has no date: no period until an operator sets one, and nothing assessed.
        assertThat(json(operator.get(path("/compliance-period"))).get("source").asString()).isEqualTo("none");
        assertThat(summary().get("overall").get("compliance").isNull()).as("not −1 for pledges made yesterday").isTrue();
        HttpResponse<String> noPeriod = operator.get(path("/report?at=interim"));
        assertThat(noPeriod.statusCode()).isEqualTo(409);
        assertThat(noPeriod.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> set = operator.put(path("/compliance-period"),
                "{\"start\":\"%s\",\"interim\":\"%s\",\"final\":\"%s\",\"reason\":\"next summit in December\"}"
                        .formatted(SUMMIT, INTERIM, FINAL));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonNode period = json(operator.get(path("/compliance-period")));
        assertThat(period.get("source").asString()).isEqualTo("set");
        assertThat(period.get("interim").asString()).isEqualTo(INTERIM.toString());
        assertThat(period.get("final").asString()).isEqualTo(FINAL.toString());
        assertThat(period.get("setBy").asString()).isEqualTo("test-operator");
        assertThat(period.has("inForce")).isFalse();

        at(INTERIM.minusDays(30));
        report(first, "r-1", "IN_PROGRESS", 40);
        assertThat(summary().get("overall").get("compliance").isNull()).as("before the interim date").isTrue();
        assertThat(summary().get("overall").get("byStatus").get("IN_PROGRESS").asLong()).isEqualTo(1);
        assertThat(summary().get("period").get("interim").asString()).isEqualTo(INTERIM.toString());

        at(INTERIM.plusDays(1));
        JsonNode interim = summary();
        assertThat(interim.get("period").get("inForce").asString()).isEqualTo("interim");
        assertThat(interim.get("overall").get("assessed").asLong()).isEqualTo(3);
        assertThat(interim.get("overall").get("compliance").asDouble()).isEqualTo(-2.0 / 3); // 0, −1, −1
        assertThat(interim.get("byAgency").get(agencyId).get("compliance").asDouble()).isEqualTo(-0.5);

        // Completed after the interim date: today's status moves, the interim figures do not.
        report(first, "r-2", "COMPLETED", 100);
        report(second, "r-3", "IN_PROGRESS", 10);
        JsonNode later = summary();
        assertThat(later.get("overall").get("byStatus").get("COMPLETED").asLong()).isEqualTo(1);
        assertThat(later.get("overall").get("compliance").asDouble()).isEqualTo(-2.0 / 3);

        JsonNode report = json(operator.get(path("/report?at=interim")));
        assertThat(report.get("assessed").asBoolean()).isTrue();
        assertThat(report.get("asOf").asString()).isEqualTo(INTERIM.toString());
        assertThat(report.get("summary").get("total").asLong()).isEqualTo(3);
        assertThat(report.get("summary").get("compliance").asDouble()).isEqualTo(-2.0 / 3);
        JsonNode firstItem = item(report, first);
        assertThat(firstItem.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(firstItem.get("score").asInt()).isZero();
        assertThat(firstItem.get("percentComplete").asInt()).isEqualTo(40);
        assertThat(firstItem.get("reports")).hasSize(1);
        assertThat(firstItem.get("reports").get(0).get("agencyId").asString()).isEqualTo(agencyId);
        assertThat(firstItem.get("evidenceUrls").get(0).asString()).isEqualTo("https://example.org/evidence/r-1");
        assertThat(firstItem.get("text").asString()).contains("双方将加强合作");
        assertThat(report.get("bySection").get("2").get("total").asLong()).isEqualTo(3);
        assertThat(report.get("period").get("final").asString()).isEqualTo(FINAL.toString());

        JsonNode today = json(operator.get(path("/report?at=today")));
        assertThat(item(today, first).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(today.get("summary").get("compliance").asDouble()).isEqualTo(0.0); // +1, 0, −1
        JsonNode finalAhead = json(operator.get(path("/report?at=final")));
        assertThat(finalAhead.get("assessed").asBoolean()).isFalse();
        assertThat(finalAhead.get("summary").get("compliance").isNull()).isTrue();
        assertThat(json(operator.get(path("/report"))).get("at").asString()).as("the assessment in force").isEqualTo("interim");

        at(FINAL.plusDays(1));
        assertThat(summary().get("overall").get("compliance").asDouble()).isEqualTo(0.0);
        assertThat(json(operator.get(path("/report?at=interim"))).get("summary").get("compliance").asDouble())
                .isEqualTo(-2.0 / 3);
    }

    @Test
    void theReportIsAnHtmlPageInEnglishOrChineseAndAnAgencySeesItsOwnCommitments() {
        at(SUMMIT.plusDays(1));
        addAgency(operator, agencyId);
        String mine = addCommitment(operator, documentId, null);
        String other = addCommitment(operator, documentId, null);
        assign(operator, mine, agencyId);
        assertThat(operator.put(path("/compliance-period"), "{\"start\":\"%s\",\"reason\":\"summit date\"}"
                .formatted(SUMMIT)).statusCode()).isEqualTo(200);
        report(mine, "r-html", "IN_PROGRESS", 25);
        at(SUMMIT.plusMonths(7)); // after the default interim date, midway through the year

        HttpResponse<String> html = operator.send("GET", path("/report?at=interim"), "application/json", "",
                Map.of("Accept", "text/html"));
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.body()).contains("<html lang=\"en\">", "Compliance score: -0.50 (2 of 2 assessed)", "<svg",
                "data-id=\"" + mine + "\"", "data-id=\"" + other + "\"", "双方将加强合作", "https://example.org/evidence/r-html");

        HttpResponse<String> zh = operator.get(path("/report?at=interim&format=html&lang=zh"));
        assertThat(zh.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(zh.body()).contains("<html lang=\"zh-CN\">", "履约报告", "履约得分：-0.50（2 项中已评估 2 项）");

        for (Map<String, String> asked : List.of(Map.<String, String>of(), Map.of("Accept", "application/pdf"))) {
            HttpResponse<byte[]> pdf = operator.getBytes(path(asked.isEmpty() ? "/report?at=interim&format=pdf" : "/report?at=interim"), asked);
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
            assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("report-" + documentId + "-interim.pdf");
            assertThat(pdfText(pdf.body())).contains("Compliance score: -0.50 (2 of 2 assessed)", "双方将加强合作",
                    "https://example.org/evidence/r-html");
        }
        assertThat(pdfText(operator.getBytes(path("/report?at=interim&format=pdf&lang=zh"), Map.of()).body()))
                .contains("履约得分：-0.50（2 项中已评估 2 项）");

        JsonNode agencyView = json(RegistryFixtures.agency(port, agencyId).get(path("/report?at=interim")));
        assertThat(agencyView.get("commitments").valueStream().map(i -> i.get("id").asString())).containsExactly(mine);
        HttpResponse<String> stranger = Http.local(port).as(TestTokens.agency("someone-else")).get(path("/report"));
        assertThat(stranger.statusCode()).as("another agency's communiqué is unknown to it").isEqualTo(404);
    }

    @Test
    void anExtractedCommuniqueGetsItsDefaultPeriodFromItsDate() {
        LocalDate dated = LocalDate.of(2022, 12, 5);
        String id = "cmt-compliance-" + UUID.randomUUID();
        TopicReader.write(Topics.COMMITMENTS, id, new EventCodec().encode(EventEnvelope.of(UUID.randomUUID(), "/test",
                new CommitmentExtracted(id, documentId, "公报", dated, "bullet", 3, 1, "双方将深化合作。", List.of("CN", "RU"),
                        List.of(), List.of(), List.of(), List.of(), "1"), Instant.now(), null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> operator.get("/api/commitments/" + id).statusCode() == 200);

        JsonNode period = json(operator.get(path("/compliance-period")));
        assertThat(period.get("source").asString()).isEqualTo("default");
        assertThat(period.get("start").asString()).isEqualTo("2022-12-05");
        assertThat(period.get("interim").asString()).isEqualTo("2023-06-05"); // the midpoint
        assertThat(period.get("final").asString()).isEqualTo("2023-12-05");
        assertThat(period.get("inForce").asString()).isEqualTo("final");
        // Back-filled long after both dates: it counts as pledged with nothing done by then (−1), not as unknown.
        JsonNode summary = summary();
        assertThat(summary.get("overall").get("assessed").asLong()).isEqualTo(1);
        assertThat(summary.get("overall").get("compliance").asDouble()).isEqualTo(-1.0);
        assertThat(json(operator.get(path("/report"))).get("at").asString()).isEqualTo("final");
    }

    @Test
    void badPeriodsAndReportParametersAreProblemsAndOnlyOperatorsSetPeriods() {
        at(SUMMIT.plusDays(1));
        addCommitment(operator, documentId, null);
        assertProblem(operator.put(path("/compliance-period"),
                "{\"start\":\"%s\",\"interim\":\"%s\",\"final\":\"%s\",\"reason\":\"x\"}".formatted(SUMMIT, FINAL, INTERIM)),
                400, "start < interim < final");
        assertProblem(operator.put(path("/compliance-period"), "{\"start\":\"%s\"}".formatted(SUMMIT)), 400, "reason is required");
        assertProblem(operator.put(path("/compliance-period"), "{\"reason\":\"no start\"}"), 400, "start date");
        assertThat(operator.put(path("/compliance-period"), "{\"start\":\"10 March\",\"reason\":\"x\"}").statusCode()).isEqualTo(400);
        assertProblem(operator.put("/api/communiques/doc-nowhere-" + UUID.randomUUID() + "/compliance-period",
                "{\"start\":\"%s\",\"reason\":\"x\"}".formatted(SUMMIT)), 404, "No commitments of communiqué");
        assertThat(Http.local(port).as(TestTokens.bearer("reader")).put(path("/compliance-period"),
                "{\"start\":\"%s\",\"reason\":\"x\"}".formatted(SUMMIT)).statusCode()).isEqualTo(403);
        assertProblem(operator.get(path("/report?at=midterm")), 400, "at must be interim, final or today");
        assertProblem(operator.get(path("/report?at=today&lang=fr")), 400, "lang must be en or zh");
        assertProblem(operator.get(path("/report?at=today&format=xml")), 400, "format must be json, html or pdf");
    }

    /** The PDF's text layer, as a reader copies it (a wrapped line joined again). */
    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace("\r", "").replace("\n", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).get("detail").asString()).contains(detail);
    }

    private static JsonNode item(JsonNode report, String id) {
        return report.get("commitments").valueStream().filter(i -> i.get("id").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + report));
    }
}
