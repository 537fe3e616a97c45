package org.commitmenttracker.ingestion.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The visible text of an HTML page with jsoup: scripts, styles and other non-text elements are dropped,
 * block elements become lines, so no markup is ever stored as text. The page is parsed whole, so it is converted
 * in a conversion slot ({@link ConversionSlots}).
 */
final class HtmlText {
    private static final Logger log = LoggerFactory.getLogger(HtmlText.class);
    private static final String NOT_TEXT = "script, style, noscript, template, iframe, object, embed, svg, math, canvas, "
            + "head, form, button, select, textarea, input";

    private HtmlText() {
    }

    /** jsoup reads the charset from a byte-order mark or {@code <meta charset>}, UTF-8 otherwise. */
    static ExtractedText extract(byte[] content) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(content), null, "");
        } catch (IOException e) {
            log.info("An HTML upload cannot be read: {}", e.toString());
            throw new DocumentRejected(DocumentRejected.Reason.UNREADABLE, "The HTML page cannot be read.", e);
        }
        String title = page.title().isBlank() ? null : page.title().strip();
        page.select(NOT_TEXT).remove();
        LineWriter lines = new LineWriter();
        NodeTraversor.traverse(lines, page.body());
        return new ExtractedText(lines.text(), title, DocumentKind.HTML.mediaType() + ";charset=" + page.charset().name());
    }

    /** Writes text nodes with collapsed whitespace (kept inside {@code <pre>}), each block on its own line. */
    private static final class LineWriter implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                out.append(insidePre(text) ? text.getWholeText() : text.text());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    out.append('\n');
                } else if (tag.equals("td") || tag.equals("th")) {
                    out.append('\t');
                } else if (element.isBlock()) {
                    endLine();
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element && element.isBlock() && !element.normalName().equals("td")
                    && !element.normalName().equals("th")) {
                endLine();
            }
        }

        /** One line break between blocks, however deeply they nest. */
        private void endLine() {
            while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private static boolean insidePre(TextNode text) {
            for (Node parent = text.parent(); parent != null; parent = parent.parent()) {
                if (parent instanceof Element element && element.normalName().equals("pre")) {
                    return true;
                }
            }
            return false;
        }

        String text() {
            return out.toString()
                    .replaceAll("[ \\t\\x0B\\f\\u00A0]+\\n", "\n")
                    .replaceAll("\\n[ \\t\\x0B\\f\\u00A0]+", "\n")
                    .replaceAll("\\n{3,}", "\n\n")
                    .strip();
        }
    }
}
