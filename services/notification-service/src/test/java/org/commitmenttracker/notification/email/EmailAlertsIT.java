package org.commitmenttracker.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.commitmenttracker.notification.NoiseIT;
import org.commitmenttracker.notification.NotificationApi;
import org.commitmenttracker.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * E-mail alerts through a real SMTP server, read back from it: nothing before the owner confirms the address,
 * then alerts in plain text and HTML with one-click unsubscribe, which ends them; refused addresses bounce.
 */
@NoiseIT
class EmailAlertsIT {
    @LocalServerPort
    int port;

    @Autowired
    JavaMailSenderImpl mailSender;

    @Test
    void anAddressReceivesNothingUntilConfirmedThenAlertsUntilItsOwnerUnsubscribesWithOneClick() throws Exception {
        NotificationApi api = new NotificationApi(port, "analyst-" + UUID.randomUUID());
        String address = "analyst-" + UUID.randomUUID() + "@example.org";
        String documentId = "doc-" + UUID.randomUUID();
        String id = api.subscribe("{\"name\":\"Expo\",\"documentIds\":[\"" + documentId + "\"],\"email\":\"" + address
                + "\",\"groupWindow\":\"0\"}").get("id").asString();
        assertThat(api.get("/api/subscriptions/" + id).get("emailStatus").asString()).isEqualTo("unconfirmed");

        MimeMessage confirmation = TestMail.await(address, 1).get(0);
        assertThat(confirmation.getSubject()).contains("Confirm");
        String confirmLink = TestMail.link(confirmation, "confirm");
        NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/subscriptions/" + id + "/alerts").size() == 1);
        Thread.sleep(1500);
        assertThat(TestMail.to(address)).as("only the confirmation before confirming").hasSize(1);

        Http anonymous = Http.local(port);
        HttpResponse<String> page = anonymous.get(confirmLink);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"", address);
        assertThat(api.get("/api/subscriptions/" + id).get("emailStatus").asString()).as("a GET (a mail scanner) confirms nothing")
                .isEqualTo("unconfirmed");
        assertThat(anonymous.send("POST", confirmLink, "application/x-www-form-urlencoded", "", Map.of()).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/subscriptions/" + id).get("emailStatus").asString()).isEqualTo("confirmed");

        String commitmentId = "cmt-" + UUID.randomUUID();
        NotificationApi.publishStatusChange(commitmentId, documentId, "PLEDGED", "IN_PROGRESS", 2);
        MimeMessage alert = TestMail.await(address, 2).get(1);
        assertThat(alert.getSubject()).isEqualTo("[Commitment Tracker] Status changed: PLEDGED → IN_PROGRESS");
        assertThat(TestMail.textOf(alert)).contains("Commitment: 支持中俄博览会 — " + commitmentId, "Communiqué: " + documentId,
                "/api/commitments/" + commitmentId);
        assertThat(TestMail.htmlOf(alert)).contains("<blockquote>支持中俄博览会 — " + commitmentId + "</blockquote>",
                "href=\"http://127.0.0.1:8083/api/commitments/" + commitmentId + "\"");
        String listUnsubscribe = alert.getHeader("List-Unsubscribe", null);
        assertThat(listUnsubscribe).startsWith("<http").contains("/api/email/unsubscribe?token=").endsWith(">");
        assertThat(alert.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");

        // RFC 8058: the mail client posts "List-Unsubscribe=One-Click" to the List-Unsubscribe URL.
        String unsubscribe = listUnsubscribe.substring(listUnsubscribe.indexOf("/api/email/"), listUnsubscribe.length() - 1);
        HttpResponse<String> oneClick = anonymous.send("POST", unsubscribe, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click", Map.of());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(api.get("/api/subscriptions/" + id).get("emailStatus").asString()).isEqualTo("unsubscribed");
        NotificationApi.publishStatusChange(commitmentId, documentId, "IN_PROGRESS", "COMPLETED", 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/subscriptions/" + id + "/alerts").size() == 3);
        Thread.sleep(1500);
        assertThat(TestMail.to(address)).as("nothing after unsubscribing").hasSize(2);
    }

    @Test
    void forgedExpiredOrMissingLinkTokensAreProblemsAndChangeNothing() {
        Http anonymous = Http.local(port);
        for (String path : List.of("/api/email/confirm?token=forged.token", "/api/email/unsubscribe", "/api/email/confirm?token=")) {
            HttpResponse<String> response = anonymous.send("POST", path, "application/x-www-form-urlencoded", "", Map.of());
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
    }

    @Test
    void anAlertGroupingWindowSendsOneEmailListingEveryAlertThatArrivedWithinIt() throws Exception {
        NotificationApi api = new NotificationApi(port, "analyst-" + UUID.randomUUID());
        String address = "grouped-" + UUID.randomUUID() + "@example.org";
        String documentId = "doc-" + UUID.randomUUID();
        String id = confirmedSubscription(api, address, "{\"name\":\"贸易\",\"documentIds\":[\"" + documentId + "\"],\"email\":\""
                + address + "\",\"language\":\"zh\",\"groupWindow\":\"4s\"}");
        for (int i = 1; i <= 3; i++) {
            NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);
        }
        MimeMessage grouped = TestMail.await(address, 2).get(1);
        assertThat(grouped.getSubject()).isEqualTo("【承诺追踪】3 条提醒");
        assertThat(TestMail.textOf(grouped).split("已登记，状态：PLEDGED", -1)).hasSize(4);
        Thread.sleep(5000);
        assertThat(TestMail.to(address)).as("one e-mail for the group").hasSize(2);
        assertThat(api.get("/api/subscriptions/" + id + "/alerts")).hasSize(3);
    }

    @Test
    void aMailboxTheServerRefusesBouncesAndTheAddressIsStopped() throws Exception {
        NotificationApi api = new NotificationApi(port, "analyst-" + UUID.randomUUID());
        String address = "gone-" + UUID.randomUUID() + "@example.org";
        String documentId = "doc-" + UUID.randomUUID();
        String id = confirmedSubscription(api, address, "{\"name\":\"Expo\",\"documentIds\":[\"" + documentId + "\"],\"email\":\""
                + address + "\",\"groupWindow\":\"0\"}");
        try (RefusingSmtpServer refusing = new RefusingSmtpServer()) {
            mailSender.setPort(refusing.port());
            NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/subscriptions/" + id).get("emailStatus").asString().equals("bounced"));
        } finally {
            mailSender.setPort(TestMail.port());
        }
        NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/subscriptions/" + id + "/alerts").size() == 2);
        Thread.sleep(1500);
        assertThat(TestMail.to(address)).as("only the confirmation: nothing after the bounce").hasSize(1);
    }

    @Test
    void aNewAddressIsConfirmedAfreshAndTheOldAddressesLinksStopWorking() throws Exception {
        NotificationApi api = new NotificationApi(port, "analyst-" + UUID.randomUUID());
        String first = "first-" + UUID.randomUUID() + "@example.org";
        String second = "second-" + UUID.randomUUID() + "@example.org";
        String id = confirmedSubscription(api, first, "{\"name\":\"Expo\",\"email\":\"" + first + "\"}");
        String oldLink = TestMail.link(TestMail.to(first).get(0), "confirm");

        assertThat(api.send("PATCH", "/api/subscriptions/" + id, "{\"email\":\"" + second + "\"}").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/subscriptions/" + id).get("emailStatus").asString()).isEqualTo("unconfirmed");
        MimeMessage confirmation = TestMail.await(second, 1).get(0);
        assertThat(Http.local(port).send("POST", oldLink, "application/x-www-form-urlencoded", "", Map.of()).statusCode())
                .as("a link of the previous address").isEqualTo(404);
        assertThat(Http.local(port).send("POST", TestMail.link(confirmation, "confirm"), "application/x-www-form-urlencoded", "",
                Map.of()).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/subscriptions/" + id).get("email").asString()).isEqualTo(second);

        assertThat(api.send("PATCH", "/api/subscriptions/" + id, "{\"email\":\"\"}").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/subscriptions/" + id).has("email")).as("removed").isFalse();
    }

    /** A DSN comes back to the message's return path; the bounce domain's mailbox reader reports it. */
    @Test
    void aLateBounceReportedForTheReturnPathStopsTheAddressOnlyWhenPermanent() throws Exception {
        NotificationApi api = new NotificationApi(port, "analyst-" + UUID.randomUUID());
        String address = "late-" + UUID.randomUUID() + "@example.org";
        String documentId = "doc-" + UUID.randomUUID();
        String id = confirmedSubscription(api, address, "{\"name\":\"Expo\",\"documentIds\":[\"" + documentId + "\"],\"email\":\""
                + address + "\",\"groupWindow\":\"0\"}");
        NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);
        MimeMessage alert = TestMail.await(address, 2).get(1);
        String returnPath = alert.getHeader("Return-Path", null).replaceAll("[<>]", "");
        assertThat(returnPath).startsWith("bounce-").endsWith("@bounces.example.org");

        Http anonymous = Http.local(port);
        assertThat(anonymous.post("/api/email/bounces", "{\"recipient\":\"" + returnPath + "\",\"status\":\"4.2.2\"}").statusCode())
                .isEqualTo(202);
        assertThat(api.get("/api/subscriptions/" + id).get("emailStatus").asString()).as("mailbox full: transient").isEqualTo("confirmed");
        for (String bad : List.of("{\"recipient\":\"" + address + "\",\"status\":\"5.1.1\"}",
                "{\"recipient\":\"" + returnPath.replace("bounce-", "bounce-0") + "\",\"status\":\"5.1.1\"}",
                "{\"recipient\":\"" + returnPath + "\",\"status\":\"gone\"}",
                "{\"recipient\":\"" + returnPath + "\",\"status\":\"5.1.1\",\"subscriptionId\":\"" + id + "\"}")) {
            HttpResponse<String> refused = anonymous.post("/api/email/bounces", bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(api.get("/api/subscriptions/" + id).get("emailStatus").asString()).isEqualTo("confirmed");
        assertThat(anonymous.post("/api/email/bounces", "{\"recipient\":\"" + returnPath + "\",\"status\":\"5.1.1\","
                + "\"diagnostic\":\"smtp; 550 5.1.1 user unknown\"}").statusCode()).isEqualTo(202);
        assertThat(api.get("/api/subscriptions/" + id).get("emailStatus").asString()).isEqualTo("bounced");
    }

    /**
     * Whoever owns a subscription may type any address into it: the mails it causes carry none of that owner's
     * words (the 200-character name), neither the confirmation nor, once confirmed, the alerts, nor the link's pages.
     */
    @Test
    void nothingTheSubscriberTypedReachesTheAddress() throws Exception {
        NotificationApi api = new NotificationApi(port, "analyst-" + UUID.randomUUID());
        String address = "target-" + UUID.randomUUID() + "@example.org";
        String documentId = "doc-" + UUID.randomUUID();
        String bait = "Your account is locked: call +1 555 0100 or visit evil.example";
        String name = (bait + " ").repeat(4).substring(0, 200);
        String id = api.subscribe("{\"name\":\"" + name + "\",\"documentIds\":[\"" + documentId + "\"],\"email\":\"" + address
                + "\",\"groupWindow\":\"0\"}").get("id").asString();
        MimeMessage confirmation = TestMail.await(address, 1).get(0);
        String confirmLink = TestMail.link(confirmation, "confirm");
        HttpResponse<String> page = Http.local(port).get(confirmLink);
        HttpResponse<String> confirmed = Http.local(port).send("POST", confirmLink, "application/x-www-form-urlencoded", "", Map.of());
        NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);
        MimeMessage alert = TestMail.await(address, 2).get(1);

        for (MimeMessage mail : List.of(confirmation, alert)) {
            assertThat(mail.getSubject()).doesNotContain("evil.example");
            assertThat(TestMail.textOf(mail)).doesNotContain("evil.example");
            assertThat(TestMail.htmlOf(mail)).doesNotContain("evil.example");
        }
        assertThat(page.body()).doesNotContain("evil.example");
        assertThat(confirmed.body()).doesNotContain("evil.example");
        assertThat(api.get("/api/subscriptions/" + id).get("name").asString()).as("the owner still sees it").isEqualTo(name);
    }

    /**
     * A PATCH giving the address a subscription already has mails nothing; and an address receives at most
     * {@code confirmations-per-address} (3) confirmations per window however many subscribers name it: then 429,
     * and nothing is stored.
     */
    @Test
    void anAddressGetsAConfirmationOnlyWhenItIsNewAndOnlyAFewWhoeverAsks() throws Exception {
        NotificationApi first = new NotificationApi(port, "analyst-" + UUID.randomUUID());
        String victim = "victim-" + UUID.randomUUID() + "@example.org";
        String id = first.subscribe("{\"name\":\"a\",\"email\":\"" + victim + "\"}").get("id").asString();
        TestMail.await(victim, 1);
        for (String same : List.of(victim, victim, victim.toUpperCase(java.util.Locale.ROOT))) {
            assertThat(first.send("PATCH", "/api/subscriptions/" + id, "{\"email\":\"" + same + "\"}").statusCode()).isEqualTo(200);
        }
        for (int i = 2; i <= 3; i++) {
            assertThat(first.as("analyst-" + UUID.randomUUID()).send("POST", "/api/subscriptions",
                    "{\"name\":\"n\",\"email\":\"" + victim + "\"}").statusCode()).isEqualTo(201);
        }
        TestMail.await(victim, 3);

        NotificationApi fourth = first.as("analyst-" + UUID.randomUUID());
        HttpResponse<String> refused = fourth.send("POST", "/api/subscriptions", "{\"name\":\"n\",\"email\":\"" + victim + "\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(fourth.get("/api/subscriptions")).as("nothing stored").isEmpty();
        // Removing the address and giving it again is a new address: counted like any.
        assertThat(first.send("PATCH", "/api/subscriptions/" + id, "{\"email\":\"\"}").statusCode()).isEqualTo(200);
        assertThat(first.send("PATCH", "/api/subscriptions/" + id, "{\"email\":\"" + victim + "\"}").statusCode()).isEqualTo(429);
        assertThat(first.get("/api/subscriptions/" + id).has("email")).as("the refused change is not stored").isFalse();
        Thread.sleep(1500);
        assertThat(TestMail.to(victim)).hasSize(3);
    }

    /** One subscriber causes at most {@code confirmations-per-owner} (10) confirmation e-mails per window, to any addresses. */
    @Test
    void aSubscriberCausesOnlyItsShareOfConfirmationEmails() throws Exception {
        NotificationApi api = new NotificationApi(port, "analyst-" + UUID.randomUUID());
        String batch = UUID.randomUUID().toString();
        for (int i = 1; i <= 10; i++) {
            api.subscribe("{\"name\":\"n\",\"email\":\"many-" + i + "-" + batch + "@example.org\"}");
        }
        HttpResponse<String> refused = api.send("POST", "/api/subscriptions", "{\"name\":\"n\",\"email\":\"many-11-" + batch + "@example.org\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(api.get("/api/subscriptions")).hasSize(10);
        assertThat(api.send("POST", "/api/subscriptions", "{\"name\":\"n\",\"documentIds\":[\"doc-1\"]}").statusCode())
                .as("subscriptions without e-mail are not confirmation e-mails").isEqualTo(201);
        TestMail.await("many-10-" + batch + "@example.org", 1);
        Thread.sleep(1500);
        assertThat(TestMail.to("many-11-" + batch + "@example.org")).isEmpty();
    }

    /** Subscribes and confirms the address with the link mailed to it; returns the subscription id. */
    private String confirmedSubscription(NotificationApi api, String address, String body) throws Exception {
        String id = api.subscribe(body).get("id").asString();
        String link = TestMail.link(TestMail.await(address, 1).get(0), "confirm");
        assertThat(Http.local(port).send("POST", link, "application/x-www-form-urlencoded", "", Map.of()).statusCode()).isEqualTo(200);
        return id;
    }
}
