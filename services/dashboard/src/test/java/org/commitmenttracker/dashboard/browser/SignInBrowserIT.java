package org.commitmenttracker.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.dashboard.browser.DashboardPlatform.Service;
import org.commitmenttracker.testsupport.AccessMatrix;
import org.commitmenttracker.testsupport.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * People sign in through the identity provider (authorization code + PKCE), as a demo user of each role, and see
 * what that role may see: the provider's tokens reach the services through the dashboard and are accepted with
 * each role's rights. Signing out ends the provider's session too, and no token is ever kept in the browser's storage.
 * An agency's system gets its token from the same provider with client credentials, and the access table of
 * docs/security.md holds, row by row, with the tokens the provider issues to each role's demo user.
 */
class SignInBrowserIT {
    private static final int SEED_COMMITMENTS = 104;
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(180);
    private static final List<String> COMMITMENT_PAGES = List.of("Overview", "Deadlines", "Commitments");
    private static DashboardPlatform platform;
    private static Browser browser;
    private static String documentId;

    /** On failure (files signin-<test>). */
    @RegisterExtension
    static final PageEvidence SCREENSHOTS = new PageEvidence("signin-", false, () -> browser);

    @BeforeAll
    static void startPlatformWithTheSeed() throws Exception {
        platform = DashboardPlatform.start();
        documentId = platform.uploadSeed();
        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> platform.get(Service.REGISTRY,
                "/api/commitments?documentId=" + documentId + "&size=1&total=true").path("total").asInt() == SEED_COMMITMENTS);
        browser = Browser.open(platform.dashboardUrl());
    }

    @AfterAll
    static void stop() {
        DashboardPlatform.stop(browser, platform);
    }

    @Test
    void aReaderSignsInAndQueriesEveryCommitment() {
        signInAs("reader", "overview");
        assertThat(navigation()).containsExactlyElementsOf(COMMITMENT_PAGES);
        assertThat(commitmentsFound()).isEqualTo(SEED_COMMITMENTS);
        signOut();
    }

    @Test
    void anOperatorSignsInAndQueriesEveryCommitment() {
        signInAs("operator", "overview");
        assertThat(navigation()).containsExactlyElementsOf(COMMITMENT_PAGES);
        assertThat(commitmentsFound()).isEqualTo(SEED_COMMITMENTS);
        signOut();
    }

    @Test
    void anAgencysUserSeesOnlyTheCommitmentsAssignedToItsAgency() {
        signInAs("agency", "overview");
        assertThat(browser.find("#session .who").getText()).contains("agency");
        assertThat(navigation()).containsExactlyElementsOf(COMMITMENT_PAGES);
        assertThat(commitmentsFound()).as("nothing of the seed is assigned to mofcom").isZero();
        signOut();
    }

    @Test
    void aSubscriberSignsInToItsSubscriptionsAndNoCommitments() {
        signInAs("subscriber", "subscriptions");
        assertThat(navigation()).containsExactly("Subscriptions");
        assertThat(browser.findAll("#main .error")).as("the notification service accepts the provider's token").isEmpty();
        signOut();
    }

    /**
     * Shortly before the access token expires the page goes through the provider again (a full-page round trip, as a
     * public client gets no refresh token): what was typed into a form and not sent yet is there when it is back.
     */
    @Test
    void aSessionRenewalKeepsWhatWasTypedAndNotSentYet() {
        signInAs("subscriber", "subscriptions");
        browser.find("#subscription-name").sendKeys("Half-written subscription");
        browser.find("#subscription-keyword").sendKeys("vaccine");
        browser.find("#subscription-status-STALLED").click();
        browser.script("window.beforeRenewal = true; document.getElementById('main').removeAttribute('data-ready');");

        browser.script("import('/app/oidc.js').then(oidc => oidc.renew());"); // what the timer calls
        browser.awaitView("subscriptions");

        assertThat(browser.script("return window.beforeRenewal === undefined;")).as("a new page load").isEqualTo(true);
        assertThat(browser.find("#session .who").getText()).contains("subscriber");
        assertThat(browser.find("#subscription-name").getAttribute("value")).isEqualTo("Half-written subscription");
        assertThat(browser.find("#subscription-keyword").getAttribute("value")).isEqualTo("vaccine");
        assertThat(browser.find("#subscription-status-STALLED").isSelected()).isTrue();
        assertThat(browser.find("#subscription-status-OVERDUE").isSelected()).isFalse();
        assertThat(browser.script("return sessionStorage.getItem('tracker.dashboard.drafts');"))
                .as("forgotten once put back").isNull();
        signOut();
    }

    @Test
    void aPublisherSignsInAndReadsTheCommuniqueItUploaded() {
        signInAs("publisher", "signin");
        assertThat(navigation()).isEmpty();
        browser.show("communique/" + documentId, "communique");
        assertThat(browser.findAll("#main .error")).as("ingestion and extraction accept the provider's token").isEmpty();
        browser.show("commitments", "commitments");
        assertThat(browser.find("#main .error").getText()).as("a publisher does not query commitments").isNotBlank();
        signOut();
    }

    @Test
    void anAgencySystemsClientCredentialsTokenHasItsAgencysRightsAtTheServices() throws Exception {
        String agencySystem = platform.clientCredentials("agency-mofcom");

        var commitments = platform.send(Service.REGISTRY, "GET", "/api/commitments?documentId=" + documentId + "&total=true",
                null, agencySystem);
        assertThat(commitments.statusCode()).isEqualTo(200);
        assertThat(platform.json(commitments.body()).path("total").asInt()).as("narrowed to mofcom's commitments").isZero();
        assertThat(platform.send(Service.REGISTRY, "GET", "/api/agencies", null, agencySystem).statusCode())
                .as("the agency directory is for readers and operators").isEqualTo(403);
        assertThat(platform.send(Service.NOTIFICATION, "GET", "/api/subscriptions", null, agencySystem).statusCode()).isEqualTo(403);
        assertThat(platform.send(Service.REGISTRY, "GET", "/api/commitments", null, "Bearer " + agencySystem.substring(7, agencySystem.length() - 4) + "AAAA")
                .statusCode()).as("a token whose signature is altered").isEqualTo(401);
    }

    @Test
    void theAccessTableHoldsWithTheTokensTheProviderIssuesToEachRole() throws Exception {
        Map<String, String> callers = new LinkedHashMap<>();
        for (String role : AccessMatrix.ROLES) {
            callers.put(role, platform.signedIn(role)); // the demo users are named after their roles
        }
        for (Service service : Service.values()) {
            AccessMatrix.assertEnforced(Http.local(platform.apiPort(service)), AccessMatrix.documented(service.dashboardName), callers);
        }
    }

    /** From the dashboard's sign-in page through the provider's login form and back, as {@code user}. */
    private void signInAs(String user, String landingView) {
        browser.load("#/signin", "signin");
        browser.script("document.getElementById('main').removeAttribute('data-ready');");
        browser.find("#signin-provider").click();
        browser.until(Duration.ofSeconds(30), d -> !d.findElements(By.id("username")).isEmpty());
        browser.driver().findElement(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(platform.demoPassword(user));
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(Duration.ofSeconds(30), d -> d.getCurrentUrl().startsWith(platform.dashboardUrl()));
        browser.awaitView(landingView);
        assertThat(browser.driver().getCurrentUrl()).as("the code and state are gone from the address").doesNotContain("code=");
        assertThat(browser.find("#session .who").getText()).contains(user);
        assertThat((String) browser.script("return JSON.stringify(Object.assign({}, sessionStorage, localStorage));"))
                .as("tokens live in the page's memory only").doesNotContain("eyJ");
    }

    /** Signs out; the provider's session ends too, so the next sign-in asks for a password again. */
    private void signOut() {
        browser.script("document.getElementById('main').removeAttribute('data-ready');");
        browser.find("#session button").click();
        browser.until(Duration.ofSeconds(30), d -> d.getCurrentUrl().startsWith(platform.dashboardUrl()));
        browser.awaitView("signin");
        assertThat(browser.findAll("#session .who")).isEmpty();
        browser.find("#signin-provider").click();
        browser.until(Duration.ofSeconds(30), d -> !d.findElements(By.id("username")).isEmpty());
    }

    private List<String> navigation() {
        return browser.findAll("#nav a").stream().map(WebElement::getText).toList();
    }

    private int commitmentsFound() {
        browser.show("commitments?documentId=" + documentId, "commitments");
        return Integer.parseInt(browser.find("#result-count").getAttribute("data-total"));
    }
}
