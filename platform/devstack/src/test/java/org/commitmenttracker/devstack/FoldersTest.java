package org.commitmenttracker.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderTreeIsDeletedWithEverythingInItAndItsNeighboursKept() throws IOException {
        Path tree = tmp.resolve("kafka");
        Files.createDirectories(tree.resolve("topic-0/segments"));
        Files.writeString(tree.resolve("topic-0/segments/00000.log"), "records");
        Files.writeString(tree.resolve("meta.properties"), "id");
        Path neighbour = Files.writeString(tmp.resolve("kafka.log"), "kept");

        Folders.deleteTree(tree);

        assertThat(tree).doesNotExist();
        assertThat(neighbour).exists();
    }

    @Test
    void aMissingFolderIsNothingToDelete() throws IOException {
        Folders.deleteTree(tmp.resolve("never-created"));
        assertThat(tmp).isEmptyDirectory();
    }
}
