package org.commitmenttracker.notification.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server that refuses every recipient with {@code 550 5.1.1} (mailbox unknown), as a receiving server
 * does for an address that does not exist: the permanent failure that makes an address bounce.
 */
final class RefusingSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;

    RefusingSmtpServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "refusing-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                 PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                reply(out, "220 refusing.test ESMTP");
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                    switch (command) {
                        case "EHLO", "HELO" -> reply(out, "250 refusing.test");
                        case "MAIL" -> reply(out, "250 2.1.0 OK");
                        case "RCPT" -> reply(out, "550 5.1.1 No such user here");
                        case "QUIT" -> {
                            reply(out, "221 2.0.0 Bye");
                            return;
                        }
                        default -> reply(out, "503 5.5.1 Bad sequence of commands");
                    }
                }
            } catch (IOException closed) {
                // the next client, or the server closed
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
