package org.commitmenttracker.registry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commitmenttracker.registry.report.ComplianceReportTest.AFTER_FINAL;
import static org.commitmenttracker.registry.report.ComplianceReportTest.PERIOD;
import static org.commitmenttracker.registry.report.ComplianceReportTest.REGISTERED;
import static org.commitmenttracker.registry.report.ComplianceReportTest.UTC;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commitmenttracker.registry.compliance.Assessment;
import org.commitmenttracker.registry.compliance.AssessmentCut;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.BaseFont;

/**
 * The PDF report read back as a reader would: its text layer (PDFBox) carries the numbers, the labels and every
 * commitment's text as written, Chinese and Russian included, and its fonts travel with it as subsets.
 */
class ReportPdfTest {
    private static final String RUSSIAN = "Стороны расширят сотрудничество в области энергетики.";
    /** The configured default, as a clean machine gets it from Debian's fonts-wqy-microhei (.ci/run installs it). */
    private static final List<BaseFont> FONTS = PdfFonts.load(new ReportPdfSettings(List.of(ReportPdfSettings.DEFAULT_FONT)).fonts());

    private static ComplianceReport interimReport() {
        List<Commitment> commitments = new ArrayList<>(ComplianceReportTest.commitments());
        commitments.add(ComplianceReportTest.registered("c6", ComplianceReportTest.facts(3, 6, RUSSIAN), REGISTERED));
        return ComplianceReport.build("doc", PERIOD, AssessmentCut.of(Assessment.INTERIM, PERIOD, AFTER_FINAL, UTC), UTC, commitments);
    }

    private static String text(PDDocument pdf) throws IOException {
        // One line per text line: a commitment's words may wrap, so the checks below join them again.
        return new PDFTextStripper().getText(pdf).replace("\r", "");
    }

    @Test
    void theEnglishPdfCarriesTheSummaryTablesAndEveryCommitmentAsWritten() throws IOException {
        byte[] bytes = ReportPdf.render(interimReport(), ReportLanguage.EN, FONTS);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = text(pdf);
            String joined = text.replace("\n", "");
            assertThat(text).contains("Compliance report · 联合公报", "Compliance score: -0.60 (5 of 5 assessed)",
                    "Summary", "By section", "By agency", "Section 1 · #1", "Section 3 · #6", "mofcom");
            assertThat(joined).as("the texts as written, Chinese and Russian")
                    .contains("双方将举办 <论坛> & 展会。", "加强合作。", "推动对话。", RUSSIAN)
                    .doesNotContain("不是承诺。") // withdrawn: not a commitment
                    .contains("https://example.org/r1", "2023年3月前 (Due 2023-03-31: met)");
            assertThat(text).containsSubsequence("Pledged", "4", "Completed", "1", "Total", "5");

            assertThat(fontsOf(pdf)).isNotEmpty().allSatisfy(font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                assertThat(font.getName()).as("a subset (tag+name)").matches("[A-Z]{6}\\+.+");
            });
            assertThat(linksOf(pdf)).contains("https://example.org/r1")
                    .noneMatch(uri -> uri.startsWith("javascript:"));
        }
        assertThat(bytes.length).as("subsets: far smaller than the 5 MB font file").isLessThan(300_000);
    }

    @Test
    void theChinesePdfHasChineseLabels() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(ReportPdf.render(interimReport(), ReportLanguage.ZH, FONTS))) {
            String text = text(pdf);
            assertThat(text).contains("履约报告 · 联合公报", "履约得分：-0.60（5 项中已评估 5 项）", "中期评估", "已承诺", "第 1 部分 · #1");
            assertThat(text.replace("\n", "")).contains("双方将举办 <论坛> & 展会。", RUSSIAN);
        }
    }

    @Test
    void missingFontFilesAreNamedWithTheSetting() {
        assertThatThrownBy(() -> PdfFonts.load(List.of("/nowhere/NoSuchFont.ttf", ReportPdfSettings.DEFAULT_FONT)))
                .isInstanceOf(PdfFontsUnavailable.class)
                .hasMessageContaining("/nowhere/NoSuchFont.ttf").hasMessageContaining("tracker.report.pdf.fonts")
                .hasMessageNotContaining(ReportPdfSettings.DEFAULT_FONT); // the file that is there
        assertThatThrownBy(() -> new ReportPdfSettings(List.of())).hasMessageContaining("tracker.report.pdf.fonts");
    }

    private static List<PDFont> fontsOf(PDDocument pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }

    private static List<String> linksOf(PDDocument pdf) throws IOException {
        List<org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation> annotations = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            annotations.addAll(page.getAnnotations());
        }
        return annotations.stream()
                .filter(a -> a instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink)
                .map(a -> ((org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink) a).getAction())
                .filter(a -> a instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionURI)
                .map(a -> ((org.apache.pdfbox.pdmodel.interactive.action.PDActionURI) a).getURI()).toList();
    }
}
