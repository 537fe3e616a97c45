package org.commitmenttracker.registry.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.junit.jupiter.api.Test;

class CommitmentCsvTest {

    @Test
    void numbersStayNumbersAndTextThatASpreadsheetWouldRunIsDefused() {
        String[] row = rowOf(pledged("=HYPERLINK(\"http://evil\";\"x\")", List.of("-CN", "\tRU")));
        List<String> header = List.of(CommitmentCsv.HEADER.split(","));

        assertThat(row[header.indexOf("status")]).isEqualTo("PLEDGED");
        assertThat(row[header.indexOf("complianceScore")]).as("a pledged commitment's score").isEqualTo("-1");
        assertThat(row[header.indexOf("section")]).isEqualTo("2");
        assertThat(row[header.indexOf("parties")]).isEqualTo("'-CN;\tRU");
        assertThat(row[header.indexOf("text")]).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\";\"\"x\"\")\"");
    }

    @Test
    void aTextStartingWithATabIsDefusedToo() {
        String[] row = rowOf(pledged("\tcmd", List.of("CN")));
        assertThat(row[List.of(CommitmentCsv.HEADER.split(",")).indexOf("text")]).isEqualTo("'\tcmd");
    }

    private static Commitment pledged(String text, List<String> parties) {
        ExtractedFacts facts = new ExtractedFacts("doc-1", "公报", LocalDate.of(2022, 12, 5), "bullet", 2, 3, text,
                parties, List.of(), List.of(), List.of("trade"), List.of(), "1.0.0");
        return Commitment.register("cmt-1", facts, "extraction", "extracted", "e0", Set.of(), DeadlinePolicy.DEFAULT,
                Instant.parse("2023-01-10T12:00:00Z")).next();
    }

    /** The data row's fields, split on the commas outside quotes (the test texts hold no comma of their own). */
    private static String[] rowOf(Commitment commitment) {
        StringWriter out = new StringWriter();
        CommitmentCsv.write(Stream.of(commitment), Map.of(), new PrintWriter(out));
        String[] lines = out.toString().split("\r\n");
        assertThat(lines).hasSize(2);
        return lines[1].split(",", -1);
    }
}
