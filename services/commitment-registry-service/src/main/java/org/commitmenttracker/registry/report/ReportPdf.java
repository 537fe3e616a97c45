package org.commitmenttracker.registry.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.registry.compliance.ComplianceGroup;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The report as a PDF (OpenPDF), with the page's contents in print layout: the header, the summary with counts by
 * status and the compliance score, the section and agency tables, then every commitment with its text as written,
 * status at the date, agency reports and evidence links (http(s) ones clickable). The fonts are embedded as
 * subsets, so Chinese and Russian text shows on any reader and can be copied or searched.
 */
final class ReportPdf {
    private static final float BODY = 9.5f;
    private static final float SMALL = 8.5f;
    /** Line height as a multiple of the font size: Chinese lines need more air than the library's default. */
    private static final float LEADING = 1.45f;
    private static final Color MUTED = new Color(0x44, 0x44, 0x44);
    private static final Color LINK = new Color(0x1f, 0x4e, 0x9a);
    private static final Color NOTE = new Color(0xff, 0xf4, 0xd6);
    private static final Color RULE = new Color(0xcc, 0xcc, 0xcc);

    private final List<BaseFont> fonts;
    private final ReportLanguage lang;

    private ReportPdf(List<BaseFont> fonts, ReportLanguage lang) {
        this.fonts = fonts;
        this.lang = lang;
    }

    static byte[] render(ComplianceReport report, ReportLanguage lang, List<BaseFont> fonts) {
        return new ReportPdf(fonts, lang).render(report);
    }

    private byte[] render(ComplianceReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        PdfWriter.getInstance(document, out);
        String heading = ReportText.heading(report, lang);
        document.addTitle(heading);
        Phrase footing = text(report.documentId() + " · ", SMALL, Font.NORMAL, MUTED);
        footing.setFont(new Font(fonts.get(0), SMALL, Font.NORMAL, MUTED)); // the page number's font
        HeaderFooter footer = new HeaderFooter(footing, true);
        footer.setAlignment(Element.ALIGN_RIGHT);
        footer.setBorder(Rectangle.NO_BORDER);
        document.setFooter(footer);
        document.open();

        document.add(paragraph(heading, 16, Font.BOLD, null, 6));
        definition(document, lang.label("communique"), report.documentId());
        definition(document, lang.label("date"), ReportText.documentDate(report, lang));
        definition(document, lang.label("period"), ReportText.period(report, lang));
        definition(document, lang.label("assessment"), ReportText.assessment(report, lang));
        definition(document, lang.label("asOf"), report.asOf().toString());
        if (!report.assessed()) {
            PdfPTable note = new PdfPTable(1);
            note.setWidthPercentage(100);
            note.setSpacingBefore(6);
            PdfPCell cell = new PdfPCell(text(lang.label("notYet"), BODY, Font.NORMAL, null));
            cell.setBackgroundColor(NOTE);
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(5);
            note.addCell(cell);
            document.add(note);
        }

        ComplianceGroup summary = report.summary();
        document.add(section(lang.label("summary")));
        document.add(paragraph(ReportText.complianceScore(summary, lang), 11, Font.BOLD, null, 2));
        document.add(paragraph(lang.label("convention"), SMALL, Font.NORMAL, MUTED, 6));
        PdfPTable byStatus = table(new float[] {2, 1}, lang.label("status"), lang.label("count"));
        for (CommitmentStatus status : CommitmentStatus.values()) {
            Long count = summary.byStatus().get(status.name());
            if (count != null) {
                byStatus.addCell(cell(lang.status(status), Font.NORMAL, Element.ALIGN_LEFT));
                byStatus.addCell(cell(String.valueOf(count), Font.NORMAL, Element.ALIGN_RIGHT));
            }
        }
        byStatus.addCell(cell(lang.label("total"), Font.BOLD, Element.ALIGN_LEFT));
        byStatus.addCell(cell(String.valueOf(summary.total()), Font.BOLD, Element.ALIGN_RIGHT));
        byStatus.setWidthPercentage(50);
        byStatus.setHorizontalAlignment(Element.ALIGN_LEFT);
        document.add(byStatus);

        groupTable(document, lang.label("bySection"), lang.label("section"), report.bySection(), true);
        groupTable(document, lang.label("byAgency"), lang.label("agency"), report.byAgency(), false);

        document.add(section(lang.label("commitments")));
        for (ComplianceReport.Item item : report.commitments()) {
            commitment(document, item);
        }
        document.close();
        return out.toByteArray();
    }

    private void commitment(Document document, ComplianceReport.Item item) {
        PdfPTable block = new PdfPTable(new float[] {1, 3});
        block.setWidthPercentage(100);
        block.setSpacingBefore(8);
        block.setKeepTogether(true);
        PdfPCell title = new PdfPCell(text(ReportText.commitmentHeading(item, lang), 10.5f, Font.BOLD, null));
        title.setColspan(2);
        title.setBorder(Rectangle.TOP);
        title.setBorderColor(RULE);
        title.setPaddingTop(5);
        block.addCell(title);
        PdfPCell quote = new PdfPCell(text(item.text(), BODY, Font.NORMAL, null));
        quote.setColspan(2);
        quote.setBorder(Rectangle.NO_BORDER);
        quote.setPaddingLeft(12);
        quote.setPaddingBottom(4);
        quote.setLeading(0, LEADING);
        block.addCell(quote);
        row(block, lang.label("status"), lang.status(item.status()));
        row(block, lang.label("score"), ReportText.itemScore(item, lang));
        row(block, lang.label("percent"), ReportText.percent(item, lang));
        row(block, lang.label("agencies"), ReportText.agencies(item, lang));
        if (!item.milestones().isEmpty()) {
            row(block, lang.label("milestones"), ReportText.milestones(item, lang));
        }
        if (item.supersededBy() != null) {
            row(block, lang.label("supersededBy"), item.supersededBy());
        }
        if (!item.reports().isEmpty()) {
            Paragraph reports = paragraph(BODY);
            for (ComplianceReport.AgencyReport r : item.reports()) {
                if (!reports.isEmpty()) {
                    reports.add(text("\n", BODY, Font.NORMAL, null));
                }
                reports.add(text(ReportText.agencyReport(r, lang), BODY, Font.NORMAL, null));
                links(reports, r.evidenceUrls());
            }
            row(block, lang.label("reports"), reports);
        }
        if (!item.evidenceUrls().isEmpty()) {
            Paragraph evidence = paragraph(BODY);
            links(evidence, item.evidenceUrls());
            row(block, lang.label("evidence"), evidence);
        }
        document.add(block);
    }

    private void links(Paragraph into, List<String> urls) {
        for (String url : urls) {
            into.add(text(" ", SMALL, Font.NORMAL, null));
            boolean web = ReportText.isWebLink(url);
            Phrase link = text(url, SMALL, Font.NORMAL, web ? LINK : MUTED);
            if (web) {
                for (Element chunk : link.getChunks()) {
                    ((Chunk) chunk).setAnchor(url);
                }
            }
            into.add(link);
        }
    }

    private void groupTable(Document document, String title, String keyLabel, Map<String, ComplianceGroup> groups,
                            boolean sections) {
        document.add(section(title));
        PdfPTable table = table(new float[] {3, 1, 1, 1.2f, 4}, keyLabel, lang.label("total"), lang.label("assessed"),
                lang.label("compliance"), lang.label("status"));
        for (String key : ReportText.orderedKeys(groups, sections)) {
            ComplianceGroup g = groups.get(key);
            table.addCell(cell(sections ? ReportText.sectionLabel(key, lang) : key, Font.NORMAL, Element.ALIGN_LEFT));
            table.addCell(cell(String.valueOf(g.total()), Font.NORMAL, Element.ALIGN_RIGHT));
            table.addCell(cell(String.valueOf(g.assessed()), Font.NORMAL, Element.ALIGN_RIGHT));
            table.addCell(cell(ReportText.compliance(g, lang), Font.NORMAL, Element.ALIGN_RIGHT));
            table.addCell(cell(ReportText.statusCounts(g, lang), Font.NORMAL, Element.ALIGN_LEFT));
        }
        table.setWidthPercentage(100);
        document.add(table);
    }

    /** A table whose header row repeats on every page it runs over. */
    private PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setSpacingBefore(4);
        table.setSpacingAfter(6);
        table.setHeaderRows(1);
        for (String header : headers) {
            PdfPCell cell = cell(header, Font.BOLD, Element.ALIGN_LEFT);
            cell.setBackgroundColor(new Color(0xee, 0xee, 0xee));
            table.addCell(cell);
        }
        return table;
    }

    private PdfPCell cell(String value, int style, int alignment) {
        PdfPCell cell = new PdfPCell(text(value, BODY, style, null));
        cell.setHorizontalAlignment(alignment);
        cell.setBorderColor(RULE);
        cell.setPadding(3);
        cell.setLeading(0, LEADING);
        return cell;
    }

    private void row(PdfPTable block, String term, String value) {
        Paragraph paragraph = paragraph(BODY);
        paragraph.add(text(value, BODY, Font.NORMAL, null));
        row(block, term, paragraph);
    }

    private void row(PdfPTable block, String term, Paragraph value) {
        PdfPCell label = new PdfPCell(text(term, BODY, Font.BOLD, MUTED));
        label.setBorder(Rectangle.NO_BORDER);
        label.setPadding(2);
        block.addCell(label);
        PdfPCell cell = new PdfPCell(value);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(2);
        cell.setLeading(0, LEADING);
        block.addCell(cell);
    }

    private void definition(Document document, String term, String value) {
        Paragraph line = paragraph(BODY);
        line.add(text(term + lang.label("colon"), BODY, Font.BOLD, MUTED));
        line.add(text(value, BODY, Font.NORMAL, MUTED));
        document.add(line);
    }

    private Paragraph section(String title) {
        Paragraph heading = paragraph(title, 13, Font.BOLD, null, 4);
        heading.setSpacingBefore(10);
        return heading;
    }

    private Paragraph paragraph(String value, float size, int style, Color color, float spacingAfter) {
        Paragraph paragraph = paragraph(size);
        paragraph.add(text(value, size, style, color));
        paragraph.setSpacingAfter(spacingAfter);
        return paragraph;
    }

    /** A paragraph whose own font (its spacing before and after is set in it) is an embedded one too. */
    private Paragraph paragraph(float size) {
        Paragraph paragraph = new Paragraph(size * LEADING);
        paragraph.setFont(new Font(fonts.get(0), size));
        return paragraph;
    }

    /**
     * The text in runs, each in the first configured font that has its characters (spaces and line breaks go with
     * the run they are in, never a font of the library's own; a character no font has is left out). Bold is drawn
     * stroked where the font has no bold face.
     */
    private Phrase text(String value, float size, int style, Color color) {
        Phrase phrase = new Phrase();
        StringBuilder run = new StringBuilder();
        BaseFont current = fonts.get(0);
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            BaseFont font = Character.isWhitespace(c) ? current : fonts.stream().filter(f -> f.charExists(c)).findFirst().orElse(null);
            if (font != null) {
                if (font != current && !run.isEmpty()) {
                    phrase.add(new Chunk(run.toString(), new Font(current, size, style, color == null ? Color.BLACK : color)));
                    run.setLength(0);
                }
                current = font;
                run.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        phrase.add(new Chunk(run.toString(), new Font(current, size, style, color == null ? Color.BLACK : color)));
        return phrase;
    }
}
