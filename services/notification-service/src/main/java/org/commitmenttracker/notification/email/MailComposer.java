package org.commitmenttracker.notification.email;

import static org.commitmenttracker.service.web.HtmlText.escape;

import java.util.List;
import java.util.Map;

import org.commitmenttracker.notification.noise.BatchItem;

/**
 * The words of alert and confirmation e-mails, in English or Chinese, as plain text and HTML (every value from an
 * event escaped). An alert names the commitment by its text as written, its communiqué, what happened (the
 * status change, or the deadline approaching or missed) and links to the commitment. Nothing a subscriber typed
 * (the subscription's name, its keyword) goes into an e-mail: whoever owns a subscription may give any address, and
 * the platform's mails must not carry their words to it. Pure: no Spring, no mail API.
 */
public final class MailComposer {
    /** One e-mail's subject and bodies. */
    public record Composed(String subject, String text, String html) {
    }

    private final String commitmentUrl;

    /** {@code commitmentUrl}: the link to a commitment, {@code {id}} replaced by its id. */
    public MailComposer(String commitmentUrl) {
        this.commitmentUrl = commitmentUrl;
    }

    public Composed alerts(String language, List<BatchItem> items, String unsubscribeUrl) {
        boolean zh = "zh".equals(language);
        String subject = items.size() == 1
                ? (zh ? "【承诺追踪】" : "[Commitment Tracker] ") + headline(zh, items.get(0))
                : zh ? "【承诺追踪】" + items.size() + " 条提醒" : "[Commitment Tracker] " + items.size() + " alerts";
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(zh ? "zh" : "en")
                .append("\"><head><meta charset=\"utf-8\"></head><body>");
        String lead = zh ? "您的订阅有 " + items.size() + " 条提醒：" : items.size()
                + (items.size() == 1 ? " alert" : " alerts") + " for your subscription:";
        text.append(lead).append("\n\n");
        html.append("<p>").append(escape(lead)).append("</p><ol>");
        for (BatchItem item : items) {
            Map<String, Object> data = item.data();
            String commitmentId = String.valueOf(data.get("commitmentId"));
            String link = commitmentUrl.replace("{id}", commitmentId);
            String commitment = data.get("text") instanceof String t && !t.isBlank() ? t : commitmentId;
            String communique = String.valueOf(data.get("documentId"));
            text.append("* ").append(headline(zh, item)).append('\n')
                    .append(zh ? "  承诺：" : "  Commitment: ").append(commitment).append('\n')
                    .append(zh ? "  公报：" : "  Communiqué: ").append(communique).append('\n')
                    .append("  ").append(link).append("\n\n");
            html.append("<li><p><strong>").append(escape(headline(zh, item))).append("</strong></p>")
                    .append("<blockquote>").append(escape(commitment)).append("</blockquote>")
                    .append("<p>").append(escape(zh ? "公报：" : "Communiqué: ")).append(escape(communique)).append("<br>")
                    .append("<a href=\"").append(escape(link)).append("\">").append(escape(zh ? "查看承诺" : "View the commitment"))
                    .append("</a></p></li>");
        }
        String unsubscribe = zh ? "不想再收到这些邮件？退订：" : "Stop these e-mails: ";
        text.append("--\n").append(unsubscribe).append(unsubscribeUrl).append('\n');
        html.append("</ol><hr><p>").append(escape(unsubscribe)).append("<a href=\"").append(escape(unsubscribeUrl)).append("\">")
                .append(escape(zh ? "退订" : "unsubscribe")).append("</a></p></body></html>");
        return new Composed(subject, text.toString(), html.toString());
    }

    public Composed confirmation(String language, String confirmUrl) {
        boolean zh = "zh".equals(language);
        String subject = zh ? "【承诺追踪】请确认接收提醒邮件" : "[Commitment Tracker] Confirm alert e-mails to this address";
        String lead = zh ? "有人请求将承诺追踪的提醒发送到此地址。确认后才会发送任何提醒：" :
                "Someone asked for Commitment Tracker alerts to be sent to this address. Nothing will be sent until you confirm:";
        String ignore = zh ? "如果不是您本人的请求，请忽略此邮件，您不会再收到任何邮件。" :
                "If this was not you, ignore this message: you will receive nothing more.";
        String text = lead + "\n\n" + confirmUrl + "\n\n" + ignore + "\n";
        String html = "<!DOCTYPE html><html lang=\"" + (zh ? "zh" : "en") + "\"><head><meta charset=\"utf-8\"></head><body><p>"
                + escape(lead) + "</p><p><a href=\"" + escape(confirmUrl) + "\">" + escape(zh ? "确认" : "Confirm") + "</a></p><p>"
                + escape(ignore) + "</p></body></html>";
        return new Composed(subject, text, html);
    }

    /** What happened, in one line. */
    static String headline(boolean zh, BatchItem item) {
        Map<String, Object> data = item.data();
        String reminder = data.get("repeat") instanceof Number n ? (zh ? "（第 " + n + " 次提醒）" : " (reminder " + n + ")") : "";
        return switch (item.type()) {
            case "status.changed" -> data.get("from") == null
                    ? (zh ? "已登记，状态：" : "Registered as ") + data.get("to")
                    : (zh ? "状态变更：" : "Status changed: ") + data.get("from") + " → " + data.get("to");
            case "deadline.approaching" -> zh
                    ? "截止日期临近：" + data.get("milestone") + "，" + data.get("dueDate") + " 到期（还有 " + data.get("daysBefore") + " 天）"
                    : "Deadline approaching: " + data.get("milestone") + " due " + data.get("dueDate") + " (in "
                    + data.get("daysBefore") + " days)";
            case "deadline.missed" -> zh
                    ? "已错过截止日期：" + data.get("milestone") + "，原定 " + data.get("dueDate")
                    : "Deadline missed: " + data.get("milestone") + " was due " + data.get("dueDate");
            case "renewed.without-progress" -> zh
                    ? "再次承诺但未见进展：此前的承诺 " + data.get("earlierCommitmentId") + "（" + data.get("earlierDocumentId") + "）"
                    : "Renewed without progress: earlier pledge " + data.get("earlierCommitmentId") + " ("
                    + data.get("earlierDocumentId") + ") made none";
            default -> item.summary();
        } + reminder;
    }

}
