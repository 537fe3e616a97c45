package org.commitmenttracker.extraction.engine.cli;

import java.util.List;
import java.util.Locale;

import org.commitmenttracker.extraction.engine.lineage.CommitmentLink;
import org.commitmenttracker.extraction.engine.lineage.LineageCommitment;

/**
 * Links as JSON, in the shape of issue 24: {@code {"links": [{"from": {"file", "id", "kind", "text"}, "to": {…},
 * "relation", "similarity"}]}}, {@code from} the later commitment, {@code file} its input's file name.
 */
final class LineageJson {
    private LineageJson() {
    }

    static String write(List<CommitmentLink> links) {
        StringBuilder out = new StringBuilder("{\n  \"links\": [");
        for (int i = 0; i < links.size(); i++) {
            CommitmentLink link = links.get(i);
            out.append(i > 0 ? "," : "").append("\n    {\"from\": ");
            commitment(out, link.from());
            out.append(",\n     \"to\": ");
            commitment(out, link.to());
            out.append(",\n     \"relation\": ").append(AnalysisJson.quote(link.relation().label()))
                    .append(", \"similarity\": ").append(String.format(Locale.ROOT, "%.4f", link.similarity())).append('}');
        }
        return out.append(links.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    private static void commitment(StringBuilder out, LineageCommitment commitment) {
        out.append("{\"file\": ").append(AnalysisJson.quote(commitment.documentId()))
                .append(", \"id\": ").append(AnalysisJson.quote(commitment.id()))
                .append(", \"kind\": ").append(AnalysisJson.quote(commitment.kind().label()))
                .append(", \"text\": ").append(AnalysisJson.quote(commitment.text())).append('}');
    }
}
