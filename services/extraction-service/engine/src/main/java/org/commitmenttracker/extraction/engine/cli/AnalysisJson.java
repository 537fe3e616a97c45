package org.commitmenttracker.extraction.engine.cli;

import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.extraction.engine.Commitment;
import org.commitmenttracker.extraction.engine.CommuniqueAnalysis;
import org.commitmenttracker.extraction.engine.DocumentMetadata;
import org.commitmenttracker.extraction.engine.TimeSpan;

/** The analysis as JSON, in the shape other tools rely on (see issue 3 and docs/extraction.md). */
public final class AnalysisJson {
    private final StringBuilder out = new StringBuilder();
    private int indent;

    private AnalysisJson() {
    }

    public static String write(CommuniqueAnalysis analysis) {
        AnalysisJson json = new AnalysisJson();
        json.analysis(analysis);
        return json.out.append('\n').toString();
    }

    private void analysis(CommuniqueAnalysis analysis) {
        open('{');
        key("document");
        document(analysis.document());
        next();
        key("commitments");
        open('[');
        for (int i = 0; i < analysis.commitments().size(); i++) {
            separate(i);
            commitment(analysis.commitments().get(i));
        }
        close(']');
        next();
        key("signedInstruments");
        strings(analysis.signedInstruments());
        close('}');
    }

    private void document(DocumentMetadata document) {
        open('{');
        field("title", document.title());
        next();
        field("language", document.language());
        next();
        field("date", date(document.date()));
        next();
        key("parties");
        strings(document.parties());
        next();
        key("signatories");
        strings(document.signatories());
        next();
        field("meeting", document.meeting());
        close('}');
    }

    private void commitment(Commitment commitment) {
        open('{');
        field("id", commitment.id());
        next();
        field("kind", commitment.kind().label());
        next();
        key("section");
        out.append(commitment.section() == null ? "null" : commitment.section().toString());
        next();
        key("ordinal");
        out.append(commitment.ordinal());
        next();
        field("text", commitment.text());
        next();
        key("start");
        out.append(commitment.start());
        next();
        key("end");
        out.append(commitment.end());
        next();
        key("parties");
        strings(commitment.parties());
        next();
        key("instruments");
        strings(commitment.instruments());
        next();
        key("organisations");
        strings(commitment.organisations());
        next();
        key("topics");
        strings(commitment.topics());
        next();
        key("timeExpressions");
        out.append('[');
        List<TimeSpan> spans = commitment.timeExpressions();
        for (int i = 0; i < spans.size(); i++) {
            out.append(i > 0 ? ", " : "");
            TimeSpan span = spans.get(i);
            out.append("{\"text\": ").append(quote(span.text())).append(", \"start\": ").append(quote(date(span.start())))
                    .append(", \"end\": ").append(quote(date(span.end()))).append(", \"past\": ").append(span.past())
                    .append(", \"sourceStart\": ").append(span.sourceStart()).append(", \"sourceEnd\": ").append(span.sourceEnd())
                    .append('}');
        }
        out.append(']');
        close('}');
    }

    private void strings(List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            out.append(i > 0 ? ", " : "").append(quote(values.get(i)));
        }
        out.append(']');
    }

    private void field(String key, String value) {
        key(key);
        out.append(quote(value));
    }

    private void key(String key) {
        out.append(quote(key)).append(": ");
    }

    private void open(char bracket) {
        out.append(bracket);
        indent++;
        newline();
    }

    private void close(char bracket) {
        indent--;
        newline();
        out.append(bracket);
    }

    private void next() {
        out.append(',');
        newline();
    }

    private void separate(int index) {
        if (index > 0) {
            next();
        }
    }

    private void newline() {
        out.append('\n').append("  ".repeat(indent));
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
