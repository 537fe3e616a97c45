package org.commitmenttracker.dashboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The dashboard's JavaScript modules form no import cycle (static {@code import … from} or dynamic
 * {@code import(…)}), and every import names a module that exists: a cycle makes a module run before what it
 * imports is initialised, which breaks a page only in the browsers and orders where that happens.
 */
class ModuleImportsTest {
    private static final Path APP = Path.of("src/main/resources/static/app");
    private static final Pattern IMPORT = Pattern.compile("(?:\\bfrom\\s+|\\bimport\\s*\\(\\s*)'(\\.{1,2}/[^']+)'");

    @Test
    void modulesImportEachOtherWithoutCycles() throws IOException {
        Map<Path, List<Path>> imports = imports();
        assertThat(imports).hasSizeGreaterThan(5);
        for (Path module : imports.keySet()) {
            assertThat(cycleFrom(module, module, imports, new ArrayList<>())).as("import cycle through %s", APP.relativize(module)).isEmpty();
        }
    }

    /** main.js, the entry point, acts when loaded and reaches every view through the router: nothing imports it. */
    @Test
    void noModuleImportsTheEntryPoint() throws IOException {
        Path entryPoint = APP.resolve("main.js").normalize();
        imports().forEach((module, targets) -> assertThat(targets).as("imports of %s", APP.relativize(module))
                .doesNotContain(entryPoint));
    }

    @Test
    void everyImportNamesAModuleThatExists() throws IOException {
        imports().forEach((module, targets) -> targets.forEach(target ->
                assertThat(target).as("imported by %s", APP.relativize(module)).isRegularFile()));
    }

    private static Map<Path, List<Path>> imports() throws IOException {
        Map<Path, List<Path>> imports = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".js")).sorted().toList()) {
                List<Path> targets = new ArrayList<>();
                Matcher matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    targets.add(file.getParent().resolve(matcher.group(1)).normalize());
                }
                imports.put(file.normalize(), targets);
            }
        }
        return imports;
    }

    /** The path from {@code start} back to itself through {@code at}, or an empty list when there is none. */
    private static List<Path> cycleFrom(Path start, Path at, Map<Path, List<Path>> imports, List<Path> path) {
        for (Path next : imports.getOrDefault(at, List.of())) {
            if (next.equals(start)) {
                List<Path> cycle = new ArrayList<>(path);
                cycle.add(at);
                return cycle;
            }
            if (!path.contains(next) && !next.equals(at)) {
                path.add(at);
                List<Path> found = cycleFrom(start, next, imports, path);
                path.remove(path.size() - 1);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return List.of();
    }
}
