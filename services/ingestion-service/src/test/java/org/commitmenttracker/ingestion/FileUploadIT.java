package org.commitmenttracker.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Files as users have them (PDF, DOCX, HTML, TXT) become text with its lines; the original comes back as uploaded. */
@UsesTestStack(database = "ingestion-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FileUploadIT {
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void pdfKeepsItsLinesAndItsTitle() {
        String marker = "Ref " + UUID.randomUUID();
        byte[] pdf = TestDocuments.pdf("Joint Communique", List.of("Joint Communique", marker, "The sides agreed:", "- to trade more."));
        JsonNode record = created(new IngestionClient(port).postFile("communique.pdf", "application/pdf", pdf, Map.of()));
        assertThat(record.get("text").asString().lines().map(String::strip).toList())
                .containsSubsequence("Joint Communique", marker, "The sides agreed:", "- to trade more.");
        assertThat(record.get("title").asString()).isEqualTo("Joint Communique");
        assertThat(record.at("/original/mediaType").asString()).isEqualTo("application/pdf");
        assertOriginalIs(record, pdf);
    }

    @Test
    void docxParagraphsBecomeLinesAndGivenMetadataWins() {
        String marker = "编号 " + UUID.randomUUID();
        byte[] docx = TestDocuments.docx("文件标题", List.of("联合公报", marker, "双方商定：", "——加强合作。"));
        JsonNode record = created(new IngestionClient(port).postFile("公报.docx", "application/octet-stream", docx,
                Map.of("title", "中俄总理第二十七次定期会晤联合公报", "language", "zh", "publishedOn", "2022-12-05")));
        assertThat(record.get("text").asString().lines().toList()).containsSubsequence("联合公报", marker, "双方商定：", "——加强合作。");
        assertThat(record.get("title").asString()).isEqualTo("中俄总理第二十七次定期会晤联合公报");
        assertThat(record.get("publishedOn").asString()).isEqualTo("2022-12-05");
        assertThat(record.at("/original/fileName").asString()).isEqualTo("公报.docx");
        assertOriginalIs(record, docx);
    }

    @Test
    void htmlScriptsAreStrippedAndNoMarkupIsStoredAsText() {
        String marker = UUID.randomUUID().toString();
        String html = "<html><head><title>Communiqué</title><script>steal()</script></head><body>"
                + "<p>Joint communiqué " + marker + "</p><script>document.write('<b>x</b>')</script>"
                + "<ul><li>to trade;</li><li>to <i>meet</i> again.</li></ul><img src=x onerror=alert(1)></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        JsonNode record = created(new IngestionClient(port).postFile("page.html", "text/html", bytes, Map.of()));
        String text = record.get("text").asString();
        assertThat(text.lines().toList()).containsExactly("Joint communiqué " + marker, "to trade;", "to meet again.");
        assertThat(text).doesNotContain("<", "steal", "document.write", "alert");

        // The original is kept as uploaded, but served so that it can never run in a browser here.
        var original = new IngestionClient(port).getBytes("/api/communiques/" + record.get("id").asString() + "/original");
        assertThat(original.body()).isEqualTo(bytes);
        assertThat(original.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        assertThat(original.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(original.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("sandbox"));
    }

    @Test
    void russianTextFileInWindows1251IsConverted() {
        String text = TestDocuments.RUSSIAN + UUID.randomUUID() + "\n";
        byte[] bytes = text.getBytes(java.nio.charset.Charset.forName("windows-1251"));
        JsonNode record = created(new IngestionClient(port).postFile("коммюнике.txt", "text/plain", bytes, Map.of()));
        assertThat(record.get("text").asString()).isEqualTo(text);
        assertOriginalIs(record, bytes);
    }

    @Test
    void pathTraversalInTheFileNameIsSanitised() {
        byte[] bytes = ("Joint communiqué " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        JsonNode record = created(new IngestionClient(port).postFile("../../etc/passwd.txt", "text/plain", bytes, Map.of()));
        assertThat(record.at("/original/fileName").asString()).isEqualTo("passwd.txt");
        var original = new IngestionClient(port).getBytes(record.at("/original/href").asString());
        assertThat(original.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> {
            assertThat(value).contains("passwd.txt");
            assertThat(value).doesNotContain("..", "/");
        });
    }

    private JsonNode created(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    @Test
    void aLargeOriginalIsServedWholeChunkAfterChunkWithItsLength() {
        // A page carrying 2.5 MB of script: the text stays small, the original spans three stored chunks.
        String marker = UUID.randomUUID().toString();
        byte[] bytes = ("<html><head><title>Communiqué</title><script>/*" + "x".repeat(2_500_000) + "*/</script></head>"
                + "<body><p>Joint communiqué " + marker + "</p><ul><li>to trade;</li></ul></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        JsonNode record = created(new IngestionClient(port).postFile("large.html", "text/html", bytes, Map.of()));
        assertThat(record.at("/original/size").asLong()).isEqualTo(bytes.length);

        var original = new IngestionClient(port).getBytes(record.at("/original/href").asString());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.headers().firstValue("Content-Length")).hasValue(String.valueOf(bytes.length));
        assertThat(original.body()).isEqualTo(bytes);
    }

    private void assertOriginalIs(JsonNode record, byte[] bytes) {
        var original = new IngestionClient(port).getBytes(record.at("/original/href").asString());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(bytes);
        assertThat(original.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(record.at("/original/mediaType").asString().split(";")[0]));
    }
}
