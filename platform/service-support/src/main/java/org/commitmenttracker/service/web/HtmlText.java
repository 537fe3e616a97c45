package org.commitmenttracker.service.web;

/** Text put into HTML that services write themselves (reports, mails, e-mail link pages). */
public final class HtmlText {
    private HtmlText() {
    }

    /** {@code text} with the five characters that HTML reads as markup escaped; {@code null} is empty. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
