package org.commitmenttracker.registry.query;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.commitmenttracker.registry.lifecycle.Commitment;

/** RFC 4180 CSV of commitments, one row each, streamed. */
final class CommitmentCsv {
    static final String HEADER = "id,documentId,section,ordinal,kind,status,completedLate,complianceScore,dueDate,"
            + "percentComplete,parties,topics,organisations,agencies,text";

    private CommitmentCsv() {
    }

    static void write(Stream<Commitment> commitments, PrintWriter out) {
        out.print(HEADER + "\r\n");
        commitments.forEach(c -> out.print(Stream.of(c.id(), c.facts().documentId(), c.facts().section(),
                        c.facts().ordinal(), c.facts().kind(), c.status(), c.completedLate(), c.complianceScore(),
                        c.dueDate(), c.percentComplete(), join(c.facts().parties()), join(c.facts().topics()),
                        join(c.facts().organisations()), join(c.agencies()), c.facts().text())
                .map(value -> field(value == null ? "" : Objects.toString(value)))
                .collect(Collectors.joining(",")) + "\r\n"));
    }

    private static String join(List<String> values) {
        return String.join(";", values);
    }

    private static String field(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix it with a quote.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
