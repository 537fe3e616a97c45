package org.commitmenttracker.testsupport;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The document store inside the test JVM (mongo-java-server, memory backend, as the devstack's {@code memory} store)
 * on a free loopback port: started once on first use, for tests that need the store but no broker.
 */
public final class InMemoryStore {
    private static String baseUri;

    private InMemoryStore() {
    }

    /** A connection string for {@code database}. */
    public static synchronized String uri(String database) {
        if (baseUri == null) {
            MongoServer server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "in-memory-store-stop"));
            baseUri = "mongodb://127.0.0.1:" + address.getPort() + "/";
        }
        return baseUri + database;
    }
}
