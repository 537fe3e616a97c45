package org.commitmenttracker.deploy.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings tables of docs/operations.md, generated from the configuration metadata that Spring Boot's
 * configuration processor writes for every {@code @ConfigurationProperties} class (name, javadoc of the record
 * component, {@code @DefaultValue}). A region of the document between {@code <!-- settings: <package> ... -->} and
 * {@code <!-- /settings -->} lists the settings whose class lies in one of its packages, a setting going to the
 * region naming the longest package it lies in.
 */
public final class SettingsTables {
    static final String METADATA = "META-INF/spring-configuration-metadata.json";
    static final Pattern REGION = Pattern.compile("(<!-- settings: ([\\w. ]+) -->\n)(.*?)(<!-- /settings -->)", Pattern.DOTALL);
    private static final Pattern JAVADOC_TAG = Pattern.compile("\\{@(?:code|literal|link|linkplain) +#?((?:[^{}]|\\{[^{}]*})*)}");

    /** One typed setting as the metadata describes it. */
    public record Setting(String property, String sourceType, String defaultValue, String description) {
        /** The environment variable Spring's relaxed binding maps to it: tracker.web.max-request-body → TRACKER_WEB_MAX_REQUEST_BODY. */
        public String variable() {
            return property.replace('.', '_').replace('-', '_').replace("[", "").replace("]", "").toUpperCase(Locale.ROOT);
        }

        String row() {
            return "| `" + variable() + "` (`" + property + "`) | " + (defaultValue == null || defaultValue.isEmpty() ? "–" : "`" + defaultValue + "`")
                    + " | " + markdown(description) + " |";
        }
    }

    private SettingsTables() {
    }

    /** Every setting of the metadata files on the class path (one per module with typed settings). */
    public static List<Setting> fromClassPath() {
        ObjectMapper json = JsonMapper.builder().build();
        List<Setting> settings = new ArrayList<>();
        try {
            for (URL url : Collections.list(SettingsTables.class.getClassLoader().getResources(METADATA))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode p : json.readTree(in).path("properties")) {
                        settings.add(new Setting(p.path("name").asString(), p.path("sourceType").asString(),
                                defaultValue(p.get("defaultValue")), p.hasNonNull("description") ? p.get("description").asString() : null));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.sort(Comparator.comparing(Setting::property));
        return settings;
    }

    /** The document with every region's table replaced by the one the settings give. */
    static String fill(String document, List<Setting> settings) {
        List<String> packages = regions(document).stream().flatMap(List::stream).toList();
        return REGION.matcher(document).replaceAll(m -> {
            List<String> region = packagesOf(m);
            List<Setting> listed = settings.stream().filter(s -> region.contains(packageOf(s, packages))).toList();
            return Matcher.quoteReplacement(m.group(1) + table(listed) + m.group(4));
        });
    }

    /** The packages each region of the document names. */
    static List<List<String>> regions(String document) {
        return REGION.matcher(document).results().map(SettingsTables::packagesOf).toList();
    }

    /** The longest of the packages the setting's class lies in, or null. */
    static String packageOf(Setting setting, List<String> packages) {
        return packages.stream().filter(p -> setting.sourceType().startsWith(p + "."))
                .max(Comparator.comparingInt(String::length)).orElse(null);
    }

    /** The document without its generated regions: what is written by hand. */
    static String handWritten(String document) {
        return REGION.matcher(document).replaceAll("");
    }

    private static List<String> packagesOf(MatchResult region) {
        return List.of(region.group(2).trim().split(" +"));
    }

    private static String table(List<Setting> settings) {
        return "| variable (property) | default | meaning |\n|---|---|---|\n"
                + settings.stream().map(s -> s.row() + "\n").collect(Collectors.joining());
    }

    private static String defaultValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asString()));
            return String.join(",", items);
        }
        // The processor writes a list's @DefaultValue as "[a, b]": shown as it is set, "a,b".
        String text = value.asString();
        return text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1).replace(", ", ",") : text;
    }

    /** Javadoc to Markdown: {@code x} and {@link #x} become code, a table cell keeps to one line. */
    private static String markdown(String javadoc) {
        if (javadoc == null) {
            return "";
        }
        return JAVADOC_TAG.matcher(javadoc).replaceAll(m -> Matcher.quoteReplacement("`" + m.group(1).trim() + "`"))
                .replaceAll("\\s+", " ").replace("|", "\\|").trim();
    }
}
