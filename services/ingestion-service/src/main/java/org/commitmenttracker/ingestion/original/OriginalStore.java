package org.commitmenttracker.ingestion.original;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The bytes of uploaded files, split into chunk documents {@code {_id: "<original>:<n>", original, n, data}}.
 * Reads are point lookups by {@code _id}, which every MongoDB and the embedded store answer from the id
 * index (GridFS reads by {@code files_id, n} scan on the embedded store, which ignores non-unique indexes).
 * <p>Each upload gets its own original id, so two uploads racing for the same communiqué never mix their
 * chunks; the communiqué that names an original is the commit point, and chunks no communiqué names (left
 * by a crash or a lost race) are harmless orphans.
 */
@Component
public class OriginalStore {
    public static final String COLLECTION = "communique_originals";
    /** Well under MongoDB's 16 MB document limit, and few round trips for a 20 MB file. */
    static final int CHUNK_SIZE = 1024 * 1024;

    private final MongoTemplate mongo;

    public OriginalStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A fresh original id for a document: its id and 8 random hex digits. */
    public static String newOriginalId(String documentId) {
        return documentId + "." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /**
     * Stores the bytes {@code in} gives under {@code originalId}, one chunk in memory at a time; returns the number of
     * chunks written (at least one, empty for no bytes). When reading or writing fails part way, the chunks already
     * written are removed (best effort) before the failure is passed on.
     */
    public int save(String originalId, InputStream in) throws IOException {
        int n = 0;
        try {
            for (byte[] data = in.readNBytes(CHUNK_SIZE); n == 0 || data.length > 0; data = in.readNBytes(CHUNK_SIZE)) {
                mongo.getCollection(COLLECTION).insertOne(new Document("_id", chunkId(originalId, n))
                        .append("original", originalId).append("n", n).append("data", new Binary(data)));
                n++;
            }
            return n;
        } catch (IOException | RuntimeException e) {
            delete(originalId, n + 1); // the chunk being written may have been applied before the failure
            throw e;
        }
    }

    /**
     * Writes the stored bytes to {@code out}, reading them chunk by chunk by id: one chunk in memory at a time, so
     * parallel downloads of large originals cost a chunk each, not the whole file (twice, as a growing buffer would).
     */
    public void writeTo(String originalId, int chunkCount, OutputStream out) throws IOException {
        for (int n = 0; n < chunkCount; n++) {
            Document chunk = mongo.getCollection(COLLECTION).find(new Document("_id", chunkId(originalId, n))).first();
            if (chunk == null) {
                throw new IllegalStateException("Chunk " + n + " of original " + originalId + " is missing");
            }
            out.write(chunk.get("data", Binary.class).getData());
        }
    }

    /** Removes the chunks of an original no communiqué will name (best effort: orphans are harmless). */
    public void delete(String originalId, int chunkCount) {
        List<String> ids = new ArrayList<>(chunkCount);
        for (int n = 0; n < chunkCount; n++) {
            ids.add(chunkId(originalId, n));
        }
        mongo.getCollection(COLLECTION).deleteMany(new Document("_id", new Document("$in", ids)));
    }

    private static String chunkId(String originalId, int n) {
        return originalId + ":" + n;
    }
}
