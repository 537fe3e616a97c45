package org.commitmenttracker.registry.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;

/**
 * The PDF report's fonts ({@link ReportPdfSettings}), read on the first PDF asked for and kept: a registry without
 * them still serves JSON and HTML, and a PDF request then gets a problem naming the missing files.
 */
@Component
@EnableConfigurationProperties(ReportPdfSettings.class)
class PdfFonts {
    private final ReportPdfSettings settings;
    private volatile List<BaseFont> fonts;

    PdfFonts(ReportPdfSettings settings) {
        this.settings = settings;
    }

    List<BaseFont> fonts() {
        List<BaseFont> loaded = fonts;
        if (loaded == null) {
            synchronized (this) {
                if (fonts == null) {
                    fonts = load(settings.fonts());
                }
                loaded = fonts;
            }
        }
        return loaded;
    }

    /**
     * Identity-H and embedded: any Unicode text, and the PDF carries the glyphs it shows (a subset of each font).
     * Each font file is held in memory (WenQuanYi Micro Hei: 5 MB).
     */
    static List<BaseFont> load(List<String> names) {
        List<String> missing = new ArrayList<>();
        List<BaseFont> result = new ArrayList<>();
        for (String name : names) {
            int face = name.toLowerCase(Locale.ROOT).lastIndexOf(".ttc,");
            String file = face < 0 ? name : name.substring(0, face + 4);
            if (!Files.isRegularFile(Path.of(file))) {
                missing.add(file);
                continue;
            }
            String fontName = face < 0 && file.toLowerCase(Locale.ROOT).endsWith(".ttc") ? file + ",0" : name;
            try {
                // From memory, not the file: subsetting reads the glyph index a few bytes at a time, which from a
                // file is a system call each and was half of a report's rendering time.
                result.add(BaseFont.createFont(fontName, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                        Files.readAllBytes(Path.of(file)), null));
            } catch (DocumentException | IOException e) {
                throw new PdfFontsUnavailable("The PDF font " + name + " (tracker.report.pdf.fonts) cannot be read: " + e.getMessage());
            }
        }
        if (!missing.isEmpty()) {
            throw new PdfFontsUnavailable("The PDF report's fonts are not installed: " + String.join(", ", missing)
                    + " (tracker.report.pdf.fonts; the default is Debian's fonts-wqy-microhei).");
        }
        return List.copyOf(result);
    }
}
