package org.commitmenttracker.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The embedded document store: a MongoDB-wire-protocol server (mongo-java-server) on 127.0.0.1.
 * With a file it keeps data in H2 (survives restarts; commits once a second, between requests:
 * {@link RequestAtomicH2Backend}); with
 * {@code memory} it keeps data only while it runs, which is what tests use.
 * <p>Usage: {@code DocumentStoreNode PORT (H2_FILE|memory)}
 */
public final class DocumentStoreNode {
    /** Logged once the server accepts connections. */
    static final String READY = "devstack: document store listening on";
    private DocumentStoreNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DocumentStoreNode PORT (H2_FILE|memory)");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        MongoBackend backend;
        if ("memory".equals(args[1])) {
            backend = new MemoryBackend();
        } else {
            Path file = Path.of(args[1]).toAbsolutePath();
            Files.createDirectories(file.getParent());
            backend = RequestAtomicH2Backend.open(file);
        }
        MongoServer server = new MongoServer(backend);
        // A clean stop closes H2, which commits what is pending: nothing acknowledged is lost.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "store-shutdown"));
        server.bind("127.0.0.1", port);
        System.err.println(READY + " 127.0.0.1:" + port + " (" + args[1] + ")");
        ParentWatch.install();
        Thread.currentThread().join();
    }
}
