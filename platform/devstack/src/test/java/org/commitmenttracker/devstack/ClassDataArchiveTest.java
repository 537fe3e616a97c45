package org.commitmenttracker.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @Test
    void aJarThatCannotBeExtractedStartsAsItIsWithoutArchiveOptions(@TempDir Path target) throws Exception {
        // a plain jar: the Spring Boot tools jar mode is not in it, so extracting it fails
        Path jar = target.resolve("plain-service-1.0.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // empty
        }

        ClassDataArchive classData = ClassDataArchive.of(jar);

        assertThat(classData.jar()).isEqualTo(jar.toAbsolutePath());
        assertThat(classData.jvmOptions()).isEmpty();
        try (var left = Files.list(target.resolve("cds"))) {
            assertThat(left).as("no half-extracted folder is left behind").isEmpty();
        }
        classData.writeOnceReady(ProcessHandle.current().pid()); // nothing to write, nothing asked of this JVM
        try (var left = Files.list(target.resolve("cds"))) {
            assertThat(left).isEmpty();
        }
    }
}
