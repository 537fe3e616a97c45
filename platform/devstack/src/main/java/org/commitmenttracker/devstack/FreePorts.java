package org.commitmenttracker.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Free loopback ports for processes started afterwards, so concurrent runs on one machine do not collide. They are
 * taken below the kernel's ephemeral range (32768–60999 on Linux): a port picked there and released until its process
 * binds it could meanwhile be handed to anyone's bind to port 0 (a browser's debugging port, its driver, a test's
 * server) or to an outgoing connection, and the service then failed to start ("Port … was already in use"). Below it,
 * only a port some process already listens on is in the way, and that one is skipped. Each JVM walks the range from a
 * random start, so it never hands out one port twice and two JVMs rarely meet.
 */
public final class FreePorts {
    static final int FIRST = 20_000;
    static final int LAST = 32_767;
    private static final int COUNT = LAST - FIRST + 1;
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(COUNT));

    private FreePorts() {
    }

    public static int next() {
        for (int attempt = 0; attempt < COUNT; attempt++) {
            int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), COUNT);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free loopback port between " + FIRST + " and " + LAST);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
