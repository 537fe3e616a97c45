package org.commitmenttracker.registry.report;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tracker.report.pdf.*}: the font files the PDF report embeds (a subset of each: the glyphs it uses). Each
 * character is set in the first font that has it, so a CJK font with Latin and Cyrillic can stand alone and others
 * may follow it for what it lacks. TrueType outlines ({@code .ttf}, {@code .ttc}); in a collection the first face is
 * used, or {@code file.ttc,N} names face N. The default is Debian's {@code fonts-wqy-microhei} (WenQuanYi Micro Hei:
 * Chinese, Latin, Cyrillic; Apache-2.0 or GPL-3 with the font exception, so it may be embedded and handed on).
 *
 * @param fonts font files, in the order they are tried for each character
 */
@ConfigurationProperties("tracker.report.pdf")
public record ReportPdfSettings(@DefaultValue(DEFAULT_FONT) List<String> fonts) {
    static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    public ReportPdfSettings {
        if (fonts.isEmpty()) {
            throw new IllegalArgumentException("tracker.report.pdf.fonts must name at least one font file");
        }
        fonts = List.copyOf(fonts);
    }
}
