package org.commitmenttracker.extraction.engine.cli;

import java.util.List;
import java.util.stream.Collectors;

import org.commitmenttracker.extraction.engine.Commitment;
import org.commitmenttracker.extraction.engine.CommuniqueAnalysis;
import org.commitmenttracker.extraction.engine.DocumentMetadata;
import org.commitmenttracker.extraction.engine.TimeSpan;

/** The analysis as a table for reading in a terminal: metadata, one row per commitment, signed instruments. */
public final class AnalysisTable {
    private static final String ROW = "%4s  %-9s  %3s  %-6s  %-16s  %-24s  %s%n";

    private AnalysisTable() {
    }

    public static String write(CommuniqueAnalysis analysis) {
        StringBuilder out = new StringBuilder();
        DocumentMetadata document = analysis.document();
        out.append("title:       ").append(orDash(document.title())).append('\n')
                .append("language:    ").append(orDash(document.language())).append('\n')
                .append("date:        ").append(document.date() == null ? "-" : document.date()).append('\n')
                .append("parties:     ").append(joined(document.parties())).append('\n')
                .append("signatories: ").append(joined(document.signatories())).append('\n')
                .append("meeting:     ").append(orDash(document.meeting())).append("\n\n");
        out.append(String.format(ROW, "#", "kind", "§", "party", "organisation", "time", "text"));
        for (Commitment c : analysis.commitments()) {
            String times = c.timeExpressions().stream().map(AnalysisTable::time).collect(Collectors.joining(" "));
            out.append(String.format(ROW, c.ordinal(), c.kind().label(), c.section() == null ? "-" : c.section(),
                    joined(c.parties()), joined(c.organisations()), times.isEmpty() ? "-" : times, c.text()));
        }
        out.append("\nsigned instruments (").append(analysis.signedInstruments().size()).append("):\n");
        analysis.signedInstruments().forEach(title -> out.append("  - ").append(title).append('\n'));
        return out.toString();
    }

    private static String time(TimeSpan span) {
        return span.text() + (span.past() ? "(past)" : "");
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? "-" : String.join(",", values);
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
