package org.commitmenttracker.ingestion.original;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void pathsAreCutToTheirLastSegment() {
        assertThat(FileNames.sanitise("../../etc/passwd.txt", "x.txt")).isEqualTo("passwd.txt");
        assertThat(FileNames.sanitise("..\\..\\windows\\win.ini", "x.txt")).isEqualTo("win.ini");
        assertThat(FileNames.sanitise("/abs/path/公报.pdf", "x.txt")).isEqualTo("公报.pdf");
    }

    @Test
    void controlAndReservedCharactersAndLeadingDotsGo() {
        assertThat(FileNames.sanitise("a\"b\r\nc;<d>.txt", "x.txt")).isEqualTo("abc;d.txt");
        assertThat(FileNames.sanitise(".hidden", "x.txt")).isEqualTo("hidden");
        assertThat(FileNames.sanitise("..", "x.txt")).isEqualTo("x.txt");
        assertThat(FileNames.sanitise(null, "x.txt")).isEqualTo("x.txt");
    }

    @Test
    void longNamesKeepTheirExtension() {
        String name = FileNames.sanitise("a".repeat(300) + ".docx", "x.txt");
        assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith(".docx");
    }
}
