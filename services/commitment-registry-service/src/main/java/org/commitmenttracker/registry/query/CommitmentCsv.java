package org.commitmenttracker.registry.query;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lineage.LineageFacts;

/** RFC 4180 CSV of commitments, one row each, streamed. */
final class CommitmentCsv {
    static final String HEADER = "id,documentId,section,ordinal,kind,status,completedLate,complianceScore,dueDate,"
            + "percentComplete,parties,topics,organisations,agencies,text,firstPledged,renewals,renewedWithoutProgress";

    private CommitmentCsv() {
    }

    /** @param renewing the lineage facts of the commitments that renew others; the rest renew nothing */
    static void write(Stream<Commitment> commitments, Map<String, LineageFacts> renewing, PrintWriter out) {
        out.print(HEADER + "\r\n");
        commitments.forEach(c -> out.print(Stream.concat(Stream.of(c.id(), c.facts().documentId(), c.facts().section(),
                        c.facts().ordinal(), c.facts().kind(), c.status(), c.completedLate(), c.complianceScore(),
                        c.dueDate(), c.percentComplete(), join(c.facts().parties()), join(c.facts().topics()),
                        join(c.facts().organisations()), join(c.agencies()), c.facts().text()),
                        lineage(renewing.getOrDefault(c.id(), LineageFacts.unlinked(c.facts().documentDate()))))
                .map(CommitmentCsv::cell)
                .collect(Collectors.joining(",")) + "\r\n"));
    }

    private static Stream<Object> lineage(LineageFacts facts) {
        return Stream.of(facts.firstPledged(), facts.renewals(), facts.renewedWithoutProgress());
    }

    private static String join(List<String> values) {
        return String.join(";", values);
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        // A number is no formula: a compliance score of -1 stays the number -1.
        return value instanceof Number ? value.toString() : field(value.toString());
    }

    private static String field(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        // A leading =, +, -, @, tab or carriage return would run as a formula in a spreadsheet: prefix it with a quote.
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
