package org.commitmenttracker.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.ConnectionString;

/**
 * A TCP link between a service under test and the real store that a test can cut and restore: cut, it drops every
 * open connection and closes each new one at once, as a store that went away would look to the driver. Only the
 * service's own connections go through it, so the shared store stays up for every other test.
 */
public final class StoreLink implements AutoCloseable {
    private final ServerSocket listener;
    private final String storeHost;
    private final int storePort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean up = true;

    /** @param storeUri the store's connection string; the link forwards to its first host */
    public StoreLink(String storeUri) throws IOException {
        String[] host = new ConnectionString(storeUri).getHosts().get(0).split(":");
        this.storeHost = host[0];
        this.storePort = host.length > 1 ? Integer.parseInt(host[1]) : 27017;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "store-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A connection string for {@code database} through the link; the driver gives up selecting a server after 1 s. */
    public String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + listener.getLocalPort() + "/" + database + "?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000";
    }

    public void cut() {
        up = false;
        open.forEach(StoreLink::closeQuietly);
        open.clear();
    }

    public void restore() {
        up = true;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (!up) {
                    closeQuietly(client);
                    continue;
                }
                Socket store = new Socket();
                store.connect(new InetSocketAddress(storeHost, storePort), 5_000);
                open.add(client);
                open.add(store);
                pump(client, store);
                pump(store, client);
            } catch (IOException e) {
                // closed, or the store refused: the driver sees a dropped connection
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // cut or closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "store-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cut();
    }
}
