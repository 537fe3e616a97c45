package org.commitmenttracker.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.notification.noise.BatchItem;
import org.junit.jupiter.api.Test;

class MailComposerTest {
    private final MailComposer composer = new MailComposer("https://tracker.example.org/commitments/{id}");

    @Test
    void anAlertNamesTheCommitmentAsWrittenItsCommuniqueWhatHappenedAndLinksToIt() {
        MailComposer.Composed mail = composer.alerts("en", List.of(missed("cmt-1", "支持中俄博览会 <2026>")), "https://u/1");
        assertThat(mail.subject()).isEqualTo("[Commitment Tracker] Deadline missed: end was due 2026-11-24");
        assertThat(mail.text()).contains("Commitment: 支持中俄博览会 <2026>", "Communiqué: doc-1",
                "https://tracker.example.org/commitments/cmt-1", "Stop these e-mails: https://u/1");
        assertThat(mail.html()).contains("支持中俄博览会 &lt;2026&gt;", "href=\"https://tracker.example.org/commitments/cmt-1\"")
                .doesNotContain("<2026>");
    }

    @Test
    void aGroupInChineseListsEveryAlert() {
        MailComposer.Composed mail = composer.alerts("zh", List.of(missed("cmt-1", "一"), missed("cmt-2", "二")), "https://u/1");
        assertThat(mail.subject()).isEqualTo("【承诺追踪】2 条提醒");
        assertThat(mail.text()).contains("已错过截止日期：end，原定 2026-11-24", "承诺：一", "承诺：二", "公报：doc-1", "退订：https://u/1");
    }

    @Test
    void theConfirmationCarriesItsLinkInBothBodies() {
        MailComposer.Composed mail = composer.confirmation("en", "https://n/api/email/confirm?token=t");
        assertThat(mail.text()).contains("https://n/api/email/confirm?token=t", "Nothing will be sent until you confirm");
        assertThat(mail.html()).contains("href=\"https://n/api/email/confirm?token=t\"");
    }

    private static BatchItem missed(String commitmentId, String text) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("commitmentId", commitmentId);
        data.put("documentId", "doc-1");
        data.put("text", text);
        data.put("milestone", "end");
        data.put("dueDate", "2026-11-24");
        Instant at = Instant.parse("2026-11-25T00:00:00Z");
        return new BatchItem("a-" + commitmentId, "e-" + commitmentId, "deadline.missed", "deadline missed", at, at, at, data, null);
    }
}
