package org.commitmenttracker.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.commitmenttracker.dashboard.browser.DashboardPlatform.Service;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in headless Chromium against the running platform with the seed communiqué loaded: the
 * overview, the deadlines, the table's filters, an operator's assignment and an agency's progress report,
 * the highlighted source text, a subscriber's subscriptions and delivery log, and the first render of the
 * overview with 1,000 commitments (printed and written to target/, not asserted: the host is shared), and the
 * lineage of a pledge renewed by a later communiqué of a series on the commitment page.
 * A failing test leaves a screenshot and the page's DOM under target/dashboard-screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
    private static final int SEED_COMMITMENTS = 104;
    private static final int SEED_BULLETS = 90;
    private static final int SEED_NARRATIVE = 14;
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(180);
    private static final String READER = TestTokens.bearer("dashboard-reader", List.of("reader"), null);
    private static final String SUBSCRIBER = TestTokens.subscriber("dashboard-subscriber");
    private static final String AGENCY = "mofcom"; // the directory's ids are lower case

    private static DashboardPlatform platform;
    private static Browser browser;
    private static HttpServer webhookReceiver;
    private static String documentId;
    private static String expoCommitmentId;

    /** On failure, always; with -Ddashboard.screenshots=all also after each passing test (to review the pages). */
    @RegisterExtension
    static final PageEvidence SCREENSHOTS = new PageEvidence("", true, () -> browser);

    @BeforeAll
    static void startPlatformWithTheSeed() throws Exception {
        webhookReceiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhookReceiver.createContext("/hooks/dashboard", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhookReceiver.start();
        platform = DashboardPlatform.start();
        documentId = platform.uploadSeed();
        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.exists(Service.EXTRACTION, "/api/analyses/" + documentId));
        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> registered().size() == SEED_COMMITMENTS);
        browser = Browser.open(platform.dashboardUrl());
        browser.clearEvidence();
    }

    @AfterAll
    static void stop() {
        DashboardPlatform.stop(browser, platform);
        if (webhookReceiver != null) {
            webhookReceiver.stop(0);
        }
    }

    private static List<JsonNode> registered() throws Exception {
        List<JsonNode> items = new ArrayList<>();
        platform.get(Service.REGISTRY, "/api/commitments?documentId=" + documentId + "&size=500").get("items").forEach(items::add);
        return items;
    }

    @Test
    @Order(1)
    void theOverviewShowsTheSeedsCommitmentsBySection() throws Exception {
        browser.signIn(READER);
        browser.show("overview?documentId=" + documentId, "overview");

        assertThat(browser.find("#total").getAttribute("data-total")).isEqualTo(String.valueOf(SEED_COMMITMENTS));
        assertThat(browser.find("#total").getText()).contains("104");
        browser.until(Duration.ofSeconds(30), d -> browser.find("#kinds").getAttribute("data-bullet") != null);
        assertThat(browser.find("#kinds").getAttribute("data-bullet")).isEqualTo(String.valueOf(SEED_BULLETS));
        assertThat(browser.find("#kinds").getAttribute("data-narrative")).isEqualTo(String.valueOf(SEED_NARRATIVE));
        assertThat(browser.find("#kinds").getText()).contains("90 bullets", "14 narrative");

        JsonNode bySection = platform.get(Service.REGISTRY, "/api/commitments/summary?documentId=" + documentId).get("bySection");
        List<WebElement> rows = browser.findAll("#chart-sections .bar-row");
        assertThat(rows).extracting(row -> row.getAttribute("data-key")).containsExactlyInAnyOrderElementsOf(bySection.propertyNames());
        int sum = 0;
        for (WebElement row : rows) {
            int total = Integer.parseInt(row.getAttribute("data-total"));
            assertThat(total).as("section %s", row.getAttribute("data-key"))
                    .isEqualTo(bySection.get(row.getAttribute("data-key")).get("total").asInt());
            int segments = 0;
            for (WebElement segment : row.findElements(By.cssSelector("rect.segment"))) {
                String count = segment.getAttribute("data-count");
                segments += Integer.parseInt(count);
                // the numbers behind the bar, shown on hover
                String tooltip = segment.findElement(By.tagName("title")).getAttribute("textContent");
                assertThat(tooltip).contains(": " + count + " / " + total);
            }
            assertThat(segments).isEqualTo(total);
            sum += total;
        }
        assertThat(sum).isEqualTo(SEED_COMMITMENTS);
        assertThat(browser.findAll("#chart-compliance-sections .bar-row")).hasSize(rows.size());
        assertThat(browser.unlabelledControls()).isEmpty();
        browser.driver().manage().window().setSize(new Dimension(390, 844)); // a phone: the board reflows
        try {
            assertThat(browser.overflowsSideways()).isFalse();
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }

        browser.find("#language-toggle").click();
        browser.awaitView("overview");
        browser.until(Duration.ofSeconds(10), d -> browser.find("h1").getText().equals("总览"));
        assertThat(browser.find("#total").getText()).isEqualTo("共 104 项承诺");
        browser.find("#language-toggle").click();
        browser.until(Duration.ofSeconds(10), d -> browser.find("h1").getText().equals("Overview"));

        // A bar is a link reached from the keyboard: Enter opens the table filtered on its section.
        browser.script("document.querySelector(\"#chart-sections a.bar-row[data-key='2']\").focus();"
                + "document.getElementById('main').removeAttribute('data-ready');");
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        browser.awaitView("commitments");
        assertThat(browser.driver().getCurrentUrl()).contains("section=2", "documentId=" + documentId);
        assertThat(browser.find("#result-count").getAttribute("data-total")).isEqualTo(bySection.get("2").get("total").asString());
    }

    @Test
    @Order(2)
    void theDeadlineViewListsThe2023Milestones() throws Exception {
        Set<String> expected = new HashSet<>();
        int passed = 0; // every seed commitment is still open: each passed milestone is overdue
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (JsonNode commitment : registered()) {
            for (JsonNode milestone : commitment.get("milestones")) {
                String due = milestone.get("dueDate").asString();
                if (due.startsWith("2023")) {
                    expected.add(commitment.get("id").asString() + "@" + due);
                }
                if (due.compareTo(today) < 0) {
                    passed++;
                }
            }
        }
        assertThat(expected).as("the seed's 2023 milestones").isNotEmpty();

        browser.show("deadlines?documentId=" + documentId, "deadlines");
        Set<String> shown = new HashSet<>();
        for (WebElement item : browser.findAll("li.milestone")) {
            String date = item.getAttribute("data-date");
            if (date.startsWith("2023")) {
                shown.add(item.getAttribute("data-commitment-id") + "@" + date);
                // passed while the commitment is still open: overdue, highlighted, and linked to the commitment
                assertThat(item.getAttribute("data-category")).isEqualTo("overdue");
                assertThat(item.findElement(By.tagName("a")).getAttribute("href"))
                        .endsWith("#/commitment/" + item.getAttribute("data-commitment-id"));
            }
        }
        assertThat(shown).isEqualTo(expected);
        assertThat(browser.find("#count-overdue").getAttribute("data-count")).isEqualTo(String.valueOf(passed));
    }

    @Test
    @Order(3)
    void filteringTheTableNarrowsItToWhatTheRegistryFinds() throws Exception {
        browser.show("commitments?documentId=" + documentId, "commitments");
        assertThat(browser.find("#result-count").getAttribute("data-total")).isEqualTo("104");
        assertThat(browser.findAll("#commitment-table tbody tr")).hasSize(25);
        assertThat(browser.find("#page-of").getText()).isEqualTo("Page 1 of 5");

        browser.find("#filter-q").sendKeys("博览会");
        browser.script("document.getElementById('main').removeAttribute('data-ready');");
        browser.find("#apply-filters").click();
        browser.awaitView("commitments");
        JsonNode found = platform.get(Service.REGISTRY, "/api/commitments?documentId=" + documentId + "&q="
                + URLEncoder.encode("博览会", StandardCharsets.UTF_8) + "&size=500");
        List<String> ids = new ArrayList<>();
        found.get("items").forEach(item -> ids.add(item.get("id").asString()));
        assertThat(ids).isNotEmpty().hasSizeLessThan(SEED_COMMITMENTS);
        assertThat(browser.find("#result-count").getAttribute("data-total")).isEqualTo(String.valueOf(ids.size()));
        assertThat(browser.findAll("#commitment-table tbody tr")).extracting(row -> row.getAttribute("data-commitment-id"))
                .containsExactlyElementsOf(ids);
        expoCommitmentId = found.get("items").valueStream()
                .filter(item -> item.get("facts").get("text").asString().equals("支持举办第七届中俄博览会。"))
                .findFirst().orElseThrow().get("id").asString();

        browser.show("commitments?documentId=" + documentId, "commitments");
        browser.find("#filter-section").sendKeys("2");
        new Select(browser.find("#filter-status")).selectByValue("PLEDGED");
        browser.script("document.getElementById('main').removeAttribute('data-ready');");
        browser.find("#apply-filters").click();
        browser.awaitView("commitments");
        long inSection2 = platform.get(Service.REGISTRY, "/api/commitments?documentId=" + documentId
                + "&section=2&status=PLEDGED&size=1").get("total").asLong();
        assertThat(inSection2).isPositive();
        assertThat(browser.find("#result-count").getAttribute("data-total")).isEqualTo(String.valueOf(inSection2));
        assertThat(browser.driver().getCurrentUrl()).contains("section=2", "status=PLEDGED");
        assertThat(browser.unlabelledControls()).isEmpty();

        // The export link downloads the registry's CSV of the same selection.
        browser.find("#export-csv").click();
        Path csv = Browser.DOWNLOADS.resolve("commitments.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(csv) && Files.size(csv) > 0);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("id,documentId,section,");
        List<String> exported = lines.stream().skip(1).filter(line -> !line.isBlank())
                .map(line -> line.substring(0, line.indexOf(','))).toList();
        List<String> expectedIds = new ArrayList<>();
        platform.get(Service.REGISTRY, "/api/commitments?documentId=" + documentId + "&section=2&status=PLEDGED&size=500")
                .get("items").forEach(item -> expectedIds.add(item.get("id").asString()));
        assertThat(exported).containsExactlyInAnyOrderElementsOf(expectedIds);
    }

    @Test
    @Order(4)
    void aSubscriberCreatesASubscriptionAndSeesItListed() {
        browser.signIn(SUBSCRIBER);
        browser.show("subscriptions", "subscriptions");
        browser.find("#subscription-name").sendKeys("Dashboard test: everything");
        browser.find("#subscription-webhook").sendKeys("http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/hooks/dashboard");
        browser.script("document.getElementById('main').removeAttribute('data-ready');");
        browser.find("#subscription-submit").click();
        browser.awaitView("subscriptions");
        assertThat(browser.find("#created-secret").getText()).contains("whsec_");
        assertThat(browser.findAll("#subscription-table tbody tr")).singleElement()
                .satisfies(row -> assertThat(row.getText()).contains("Dashboard test: everything", "Enabled"));
        assertThat(browser.unlabelledControls()).isEmpty();

        // Disabled and enabled again from the table, as the notification service records it.
        browser.script("document.getElementById('main').removeAttribute('data-ready');");
        browser.find("#subscription-table tbody tr .row-actions button").click();
        browser.awaitView("subscriptions");
        assertThat(browser.find("#subscription-table tbody tr").getText()).contains("Disabled");
        browser.script("document.getElementById('main').removeAttribute('data-ready');");
        browser.find("#subscription-table tbody tr .row-actions button").click();
        browser.awaitView("subscriptions");
        assertThat(browser.find("#subscription-table tbody tr").getText()).contains("Enabled");
    }

    @Test
    @Order(5)
    void anOperatorAssignsAnAgencyWhichThenReportsProgressFromTheCommitmentPage() throws Exception {
        assertThat(platform.send(Service.REGISTRY, "PUT", "/api/agencies/" + AGENCY,
                "{\"name\":\"Ministry of Commerce\",\"country\":\"CN\",\"contact\":\"ops@example.org\"}",
                DashboardPlatform.OPERATOR).statusCode()).isEqualTo(200);

        browser.signIn(DashboardPlatform.OPERATOR);
        browser.show("commitment/" + expoCommitmentId, "commitment");
        assertThat(browser.find("#commitment-text").getText()).isEqualTo("支持举办第七届中俄博览会。");
        assertThat(browser.find("#lineage-none").getText()).isEqualTo("No earlier or later pledge linked.");
        assertThat(browser.findAll("#progress-form")).as("an operator reports no progress").isEmpty();
        browser.find("#agency-" + AGENCY).click();
        browser.script("document.getElementById('main').removeAttribute('data-ready');");
        browser.find("#assign-submit").click();
        browser.awaitView("commitment");
        assertThat(browser.find("#assigned-agencies").getText()).isEqualTo(AGENCY);

        browser.signIn(TestTokens.agency(AGENCY));
        // An agency's board counts only what is assigned to it (the registry narrows every read to its agency).
        browser.show("overview", "overview");
        assertThat(browser.find("#total").getAttribute("data-total")).isEqualTo("1");
        assertThat(browser.findAll("#nav a")).extracting(WebElement::getText).containsExactly("Overview", "Deadlines", "Commitments");
        browser.show("commitment/" + expoCommitmentId, "commitment");
        new Select(browser.find("#progress-status")).selectByValue("IN_PROGRESS");
        browser.find("#progress-percent").sendKeys("40");
        browser.find("#progress-note").sendKeys("Venue booked");
        browser.find("#progress-evidence").sendKeys("https://example.org/expo-venue");
        browser.script("document.getElementById('main').removeAttribute('data-ready');");
        browser.find("#progress-submit").click();
        browser.awaitView("commitment");

        assertThat(browser.find("#commitment-status").getAttribute("data-status")).isEqualTo("IN_PROGRESS");
        assertThat(browser.find("#percent-complete").getText()).isEqualTo("40 %");
        WebElement history = browser.find("#history");
        assertThat(history.getText()).contains("Venue booked", "agency:" + AGENCY);
        assertThat(history.findElement(By.cssSelector("a[href='https://example.org/expo-venue']")).getText())
                .isEqualTo("https://example.org/expo-venue");
        JsonNode stored = platform.get(Service.REGISTRY, "/api/commitments/" + expoCommitmentId);
        assertThat(stored.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(stored.get("percentComplete").asInt()).isEqualTo(40);
    }

    @Test
    @Order(6)
    void theSubscribersDeliveryLogShowsTheStatusChangeAndTheSubscriptionCanBeDeleted() throws Exception {
        browser.signIn(SUBSCRIBER);
        browser.until(Duration.ofSeconds(60), d -> {
            browser.show("subscriptions?state=delivered", "subscriptions");
            return browser.findAll("#delivery-table tr[data-delivery-id]").stream()
                    .anyMatch(row -> row.getText().contains(expoCommitmentId));
        });

        // Deleting asks first; then the subscription is gone at the notification service too.
        browser.script("document.getElementById('main').removeAttribute('data-ready');");
        browser.find("#subscription-table tbody tr .row-actions button:last-child").click();
        browser.driver().switchTo().alert().accept();
        browser.awaitView("subscriptions");
        assertThat(browser.findAll("#subscription-table")).isEmpty();
        assertThat(platform.send(Service.NOTIFICATION, "GET", "/api/subscriptions", null, SUBSCRIBER).body()).isEqualTo("[]");

        // Alerts that only a subscription asking for them gets: ticked in the form, stored as its one event kind.
        browser.find("#subscription-name").sendKeys("Dashboard test: renewed pledges");
        browser.find("#subscription-webhook").sendKeys("http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/hooks/renewed");
        browser.find("#subscription-event-renewed-without-progress").click();
        browser.script("document.getElementById('main').removeAttribute('data-ready');");
        browser.find("#subscription-submit").click();
        browser.awaitView("subscriptions");
        assertThat(browser.find("#subscription-table tbody tr").getText()).contains("Pledges renewed without progress");
        JsonNode renewed = platform.json(platform.send(Service.NOTIFICATION, "GET", "/api/subscriptions", null, SUBSCRIBER)
                .body()).get(0);
        assertThat(renewed.get("events")).singleElement()
                .satisfies(event -> assertThat(event.get("kind").asString()).isEqualTo("renewed.without-progress"));
        assertThat(platform.send(Service.NOTIFICATION, "DELETE", "/api/subscriptions/" + renewed.get("id").asString(), null,
                SUBSCRIBER).statusCode()).isEqualTo(204);
    }

    @Test
    @Order(7)
    void theCommuniquePageMarksEveryExtractedCommitmentInPlace() throws Exception {
        JsonNode analysis = platform.get(Service.EXTRACTION, "/api/analyses/" + documentId);
        Set<String> extracted = new HashSet<>();
        analysis.get("commitments").forEach(c -> extracted.add(c.get("id").asString()));
        assertThat(extracted).hasSize(SEED_COMMITMENTS);

        browser.signIn(READER);
        browser.show("communique/" + documentId, "communique");
        assertThat(browser.find("#marked-count").getAttribute("data-marked")).isEqualTo("104");
        List<WebElement> marks = browser.findAll("#source-text a.commitment-mark");
        assertThat(marks).extracting(mark -> mark.getAttribute("data-commitment-id")).containsExactlyInAnyOrderElementsOf(extracted);
        assertThat(marks).filteredOn(mark -> "bullet".equals(mark.getAttribute("data-kind"))).hasSize(SEED_BULLETS);
        assertThat(marks).filteredOn(mark -> "narrative".equals(mark.getAttribute("data-kind"))).hasSize(SEED_NARRATIVE);
        assertThat(browser.findAll(".unmarked")).isEmpty();
        WebElement expo = browser.find("#mark-" + expoCommitmentId);
        assertThat(expo.getText()).isEqualTo("支持举办第七届中俄博览会。");
        assertThat(expo.getAttribute("class")).contains("status-IN_PROGRESS");
    }

    /** Not a timed assertion (the host is shared): the figure goes to docs/performance.md, "Dashboard". */
    @Test
    @Order(8)
    void theComplianceReportShowsTheRegistrysFiguresAsOnTheInterimDate() throws Exception {
        JsonNode interim = platform.get(Service.REGISTRY, "/api/communiques/" + documentId + "/report?at=interim");
        assertThat(interim.get("assessed").asBoolean()).as("the seed's interim date is long past").isTrue();
        JsonNode summary = interim.get("summary");

        browser.signIn(READER);
        browser.show("report/" + documentId + "?at=interim", "report");
        assertThat(browser.find("#report-total").getAttribute("data-total")).isEqualTo(summary.get("total").asString());
        assertThat(browser.find("#report-compliance").getAttribute("data-assessed")).isEqualTo(summary.get("assessed").asString());
        assertThat(browser.find("#report-compliance").getText())
                .contains(String.format(java.util.Locale.ROOT, "%.2f", summary.get("compliance").asDouble()));
        assertThat(browser.findAll("#report-commitments article")).hasSize(interim.get("commitments").size());
        assertThat(browser.findAll("#report-chart-compliance-sections .bar-row")).hasSize(interim.get("bySection").size());
        // Reported in progress today (test 5), after the interim date: the interim report shows it as it was then.
        String expo = "#report-commitments article[data-id='" + expoCommitmentId + "']";
        assertThat(browser.find(expo).getAttribute("data-status")).isEqualTo("PLEDGED");

        assertThat(browser.find("#report-download-pdf").getText()).isEqualTo("Download PDF");

        browser.show("report/" + documentId + "?at=today", "report");
        assertThat(browser.find(expo).getAttribute("data-status")).isEqualTo("IN_PROGRESS");
        browser.find("#language-toggle").click();
        browser.awaitView("report");
        browser.until(Duration.ofSeconds(10), d -> browser.find("h1").getText().equals("履约报告"));
        browser.find("#language-toggle").click();
        browser.until(Duration.ofSeconds(10), d -> browser.find("h1").getText().equals("Compliance report"));

        // Not a timed assertion (the host is shared): how long the seed's interim report takes, as JSON and HTML.
        List<Long> jsonMillis = new ArrayList<>();
        List<Long> htmlMillis = new ArrayList<>();
        List<Long> pdfMillis = new ArrayList<>();
        int pdfBytes = 0;
        for (int run = 0; run < 5; run++) {
            long started = System.nanoTime();
            assertThat(platform.http(platform.dashboardUrl() + "/api/registry/communiques/" + documentId + "/report?at=interim",
                    READER).statusCode()).isEqualTo(200);
            jsonMillis.add((System.nanoTime() - started) / 1_000_000);
            started = System.nanoTime();
            assertThat(platform.http(platform.dashboardUrl() + "/api/registry/communiques/" + documentId
                    + "/report?at=interim&format=html&lang=zh", READER).body()).contains("履约报告");
            htmlMillis.add((System.nanoTime() - started) / 1_000_000);
            started = System.nanoTime();
            HttpResponse<byte[]> pdf = new Http(platform.dashboardUrl()).as(READER).getBytes("/api/registry/communiques/"
                    + documentId + "/report?at=interim&format=pdf&lang=zh", Map.of());
            pdfMillis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
            assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            pdfBytes = pdf.body().length;
        }
        String timing = "Seed interim compliance report through the dashboard (ms), JSON: " + jsonMillis + ", HTML (zh): " + htmlMillis
                + ", PDF (zh, " + pdfBytes + " bytes): " + pdfMillis;
        System.out.println(timing);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "compliance-report-timing.txt"), timing + "\n");
    }

    @Test
    @Order(9)
    void firstRenderOfTheOverviewWith1000Commitments() throws Exception {
        int added = 1000 - SEED_COMMITMENTS;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < added; i++) {
                String body = "{\"documentId\":\"perf-" + (i % 10) + "\",\"section\":" + (i % 12) + ",\"text\":\"Synthetic commitment "
                        + i + "\",\"parties\":[\"CN\",\"RU\"],\"topics\":[\"topic-" + (i % 15) + "\"],\"dueDate\":\"2027-0"
                        + (1 + i % 9) + "-15\",\"reason\":\"dashboard first-render measurement\"}";
                answers.add(pool.submit(() -> platform.send(Service.REGISTRY, "POST", "/api/commitments", body,
                        DashboardPlatform.OPERATOR).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(platform.get(Service.REGISTRY, "/api/commitments/summary").get("overall").get("total").asInt()).isEqualTo(1000);

        browser.signIn(READER);
        List<Long> figures = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            browser.load("#/overview", "overview");
            assertThat(browser.find("#total").getAttribute("data-total")).isEqualTo("1000");
            figures.add(Long.parseLong(browser.find("#main").getAttribute("data-first-render-ms")));
        }
        List<Long> sorted = figures.stream().sorted().toList();
        // The one request the board waits for, through the dashboard as the browser sends it.
        List<Long> summaryMillis = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            long started = System.nanoTime();
            var summary = platform.http(platform.dashboardUrl() + "/api/registry/commitments/summary", READER);
            summaryMillis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(summary.statusCode()).isEqualTo(200);
        }
        String report = "Dashboard first render of the overview, 1,000 commitments (navigation start to complete board, ms): "
                + "first load " + figures.get(0) + ", reloads " + figures.subList(1, figures.size()) + ", median "
                + sorted.get(sorted.size() / 2) + "; summary request through the dashboard (ms): " + summaryMillis
                + "; host CPUs " + Runtime.getRuntime().availableProcessors();
        System.out.println(report);
        Files.writeString(Path.of("target", "dashboard-first-render.txt"), report + System.lineSeparator());
    }

    /** Two meetings of one series (this test's own wording): the later one carries the laboratory pledge on. */
    private static final String SERIES_EARLIER = """
            Joint Statement of Portugal and Morocco

            Lisbon, 14 March 2018

            We will set up a joint laboratory for desalination research serving the coastal towns of both countries.
            We will exchange fifty young diplomats every year.
            """;
    private static final String SERIES_LATER = """
            Joint Statement of Portugal and Morocco

            Rabat, 20 March 2019

            We will continue the joint laboratory for desalination research serving the coastal towns of both countries.
            We will create a shared archive of historical maritime charts.
            """;

    @Test
    @Order(10)
    void theCommitmentPageShowsTheEarlierPledgeItRenewsAndLinksToIt() throws Exception {
        String earlierDocument = upload(SERIES_EARLIER);
        String laterDocument = upload(SERIES_LATER);
        String earlier = registeredCommitment(earlierDocument, "set up a joint laboratory");
        String later = registeredCommitment(laterDocument, "continue the joint laboratory");
        // Linked once the later communiqué's analysis and all its commitments are registered, in whichever order.
        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() ->
                platform.get(Service.REGISTRY, "/api/commitments/" + later + "/lineage").get("earlier").size() == 1);

        browser.signIn(READER);
        browser.show("commitment/" + later, "commitment");
        List<WebElement> items = browser.findAll("#lineage-timeline li");
        assertThat(items).extracting(item -> item.getAttribute("class"))
                .containsExactly("lineage-item lineage-earlier", "lineage-item lineage-self");
        WebElement renewed = items.get(0);
        assertThat(renewed.getAttribute("data-commitment-id")).isEqualTo(earlier);
        assertThat(renewed.getText()).startsWith("2018-03-14").contains("this pledge renews it", "Pledged");
        assertThat(items.get(1).getText()).startsWith("2019-03-20").contains("This pledge");

        browser.find("#language-toggle").click();
        browser.awaitView("commitment");
        browser.until(Duration.ofSeconds(10), d -> browser.find("#lineage-title").getText().equals("承诺沿革"));
        assertThat(browser.find("#lineage-timeline li.lineage-earlier").getText()).contains("本承诺延续该承诺", "已承诺");
        browser.find("#language-toggle").click();
        browser.until(Duration.ofSeconds(10), d -> browser.find("#lineage-title").getText().equals("Lineage"));

        // The link opens the earlier pledge, whose own timeline shows the later one renewing it.
        browser.script("document.getElementById('main').removeAttribute('data-ready');");
        browser.find("#lineage-timeline li.lineage-earlier a").click();
        browser.awaitView("commitment");
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/commitment/" + earlier);
        assertThat(browser.find("#commitment-text").getText()).contains("set up a joint laboratory");
        WebElement renewing = browser.find("#lineage-timeline li.lineage-later");
        assertThat(renewing.getAttribute("data-commitment-id")).isEqualTo(later);
        assertThat(renewing.getText()).startsWith("2019-03-20").contains("renews this pledge", "Pledged");
    }

    /** Uploads a communiqué and answers its id. */
    private static String upload(String text) throws Exception {
        var upload = platform.upload(text, TestTokens.bearer("publisher"));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        return platform.json(upload.body()).get("id").asString();
    }

    /** The id of communiqué {@code document}'s registered commitment whose text contains {@code phrase}. */
    private static String registeredCommitment(String document, String phrase) {
        List<String> found = new ArrayList<>();
        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            found.clear();
            platform.get(Service.REGISTRY, "/api/commitments?documentId=" + document).get("items").valueStream()
                    .filter(item -> item.get("facts").get("text").asString().contains(phrase))
                    .forEach(item -> found.add(item.get("id").asString()));
            return found.size() == 1;
        });
        return found.get(0);
    }
}
