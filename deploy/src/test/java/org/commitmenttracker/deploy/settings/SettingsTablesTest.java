package org.commitmenttracker.deploy.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.commitmenttracker.deploy.settings.SettingsTables.Setting;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md lists every typed setting as the configuration metadata gives it, and only there: a changed
 * record component, javadoc or {@code @DefaultValue} fails this test until the tables are regenerated.
 */
class SettingsTablesTest {
    static final String REGENERATE = "mvn -o -q -pl deploy -am test -Dtest=SettingsTablesTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dsettings.write=true";
    static final Path OPERATIONS = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
            .resolve("docs/operations.md");
    static final List<Setting> SETTINGS = SettingsTables.fromClassPath();

    @Test
    void theTablesAreWhatTheMetadataGives() throws IOException {
        String document = Files.readString(OPERATIONS, StandardCharsets.UTF_8);
        String generated = SettingsTables.fill(document, SETTINGS);
        if (Boolean.getBoolean("settings.write")) {
            Files.writeString(OPERATIONS, generated, StandardCharsets.UTF_8);
        } else {
            String differ = "the settings tables of docs/operations.md differ from the configuration metadata; "
                    + "regenerate them with\n  " + REGENERATE + "\n";
            List<String> rows = document.lines().toList();
            List<String> generatedRows = generated.lines().toList();
            assertThat(generatedRows.stream().filter(r -> !rows.contains(r))).as(differ + "rows missing").isEmpty();
            assertThat(rows.stream().filter(r -> !generatedRows.contains(r))).as(differ + "rows no longer generated").isEmpty();
            assertThat(document).as(differ + "(rows in another order)").isEqualTo(generated);
        }
    }

    @Test
    void everySettingHasATableAndEveryTableSettings() throws IOException {
        List<List<String>> regions = SettingsTables.regions(Files.readString(OPERATIONS, StandardCharsets.UTF_8));
        List<String> packages = regions.stream().flatMap(List::stream).toList();
        assertThat(packages).as("packages named by the regions of docs/operations.md").doesNotHaveDuplicates();
        assertThat(SETTINGS).as("settings in " + SettingsTables.METADATA + " on the class path").isNotEmpty();
        for (Setting setting : SETTINGS) {
            assertThat(SettingsTables.packageOf(setting, packages)).as(setting.property() + " (" + setting.sourceType()
                    + "): a region of docs/operations.md (<!-- settings: <package> -->) whose package holds it").isNotNull();
        }
        for (String p : packages) {
            assertThat(SETTINGS).as("settings of the region for " + p).anyMatch(s -> p.equals(SettingsTables.packageOf(s, packages)));
        }
    }

    /**
     * A setting typed since its row of the configuration reference was written by hand is in a generated table now:
     * the hand-written row goes. (Other sections may name a setting, e.g. the e-mail section's values per overlay.)
     */
    @Test
    void noHandWrittenRowRepeatsATypedSetting() throws IOException {
        String document = Files.readString(OPERATIONS, StandardCharsets.UTF_8);
        String reference = document.substring(document.indexOf("\n## Configuration reference"));
        List<String> firstCells = SettingsTables.handWritten(reference).lines().filter(l -> l.startsWith("| `")).map(l -> l.split(" \\| ")[0]).toList();
        for (Setting setting : SETTINGS) {
            assertThat(firstCells).as("hand-written rows of docs/operations.md naming " + setting.property()
                            + ", which the generated table lists: delete them")
                    .noneMatch(c -> c.contains("`" + setting.variable() + "`") || c.contains("`" + setting.property() + "`"));
        }
    }
}
