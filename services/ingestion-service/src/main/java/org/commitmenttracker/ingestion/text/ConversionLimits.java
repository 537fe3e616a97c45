package org.commitmenttracker.ingestion.text;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code tracker.ingestion.conversion.*}: how much work turning one upload into text may take. A DOCX is a zip:
 * its parts are counted and inflated (counting, not keeping) before Apache POI opens it, so a part or a whole that
 * expands beyond the limits is refused whatever its compression ratio. A PDF is parsed by PDFBox with a bounded
 * amount of memory and of temporary file, a page count and a time budget. PDF, DOCX and HTML conversions take
 * memory in proportion to the file, so at most {@code concurrency} of them run at once (the others wait up to
 * {@code queueWait} for a slot, then get 503).
 *
 * @param docxMaxEntries      parts of a DOCX archive (422 above: a zip bomb)
 * @param docxMaxEntrySize    inflated size of one DOCX part (422 above)
 * @param docxMaxInflatedSize inflated size of all DOCX parts together (422 above)
 * @param pdfMaxPages         pages of a PDF (413 above)
 * @param pdfMaxMemory        PDFBox's buffers in memory, before it spills to a temporary file
 * @param pdfMaxTempFile      PDFBox's temporary file; a PDF needing more is refused (422)
 * @param pdfTimeLimit        time budget of one PDF, checked at each page (413 beyond)
 * @param concurrency         PDF, DOCX and HTML files converted at once per replica, all kinds together (at least 1)
 * @param queueWait           how long a PDF, DOCX or HTML file waits for a conversion slot; then a 503 problem
 *                            ({@code reason: busy}) with {@code Retry-After}, nothing stored
 */
@ConfigurationProperties("tracker.ingestion.conversion")
public record ConversionLimits(@DefaultValue("1000") int docxMaxEntries,
                               @DefaultValue("32MB") DataSize docxMaxEntrySize,
                               @DefaultValue("64MB") DataSize docxMaxInflatedSize,
                               @DefaultValue("500") int pdfMaxPages,
                               @DefaultValue("16MB") DataSize pdfMaxMemory,
                               @DefaultValue("256MB") DataSize pdfMaxTempFile,
                               @DefaultValue("30s") Duration pdfTimeLimit,
                               @DefaultValue("2") int concurrency,
                               @DefaultValue("30s") Duration queueWait) {
    public ConversionLimits {
        if (concurrency < 1) {
            throw new IllegalArgumentException("tracker.ingestion.conversion.concurrency is at least 1, not " + concurrency);
        }
    }
}
