package org.commitmenttracker.ingestion.communique;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What a user submits: the text (already taken from its file), optional metadata, the original as
 * uploaded ({@code fileName} may be null), and the id of the communiqué it is a new version of (usually null:
 * only an explicit version is stored beside a text that is essentially the same).
 */
public record Submission(String text, String title, String language, String sourceUrl, LocalDate publishedOn,
                         Original original, String versionOf) {

    /** The bytes as uploaded and the media type to serve them with. */
    public record Original(Content content, String mediaType, String fileName) {
    }

    /** An original's bytes, read as a stream: an upload stays in its temporary file until it is stored. */
    public interface Content {
        long size();

        InputStream open() throws IOException;

        static Content of(byte[] bytes) {
            return new Content() {
                @Override
                public long size() {
                    return bytes.length;
                }

                @Override
                public InputStream open() {
                    return new ByteArrayInputStream(bytes);
                }
            };
        }

        /** The file must stay in place until the submission is stored. */
        static Content of(Path file, long size) {
            return new Content() {
                @Override
                public long size() {
                    return size;
                }

                @Override
                public InputStream open() throws IOException {
                    return Files.newInputStream(file);
                }
            };
        }
    }
}
