package org.commitmenttracker.notification.email;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One real SMTP server (GreenMail) per test JVM on a free port of 127.0.0.1, and what it received, by recipient
 * (every test uses addresses of its own).
 */
public final class TestMail {
    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized int port() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
        }
        return server.getSmtp().getPort();
    }

    public static List<MimeMessage> to(String address) {
        port();
        return Arrays.stream(server.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits until {@code address} has received {@code count} messages, and returns them. */
    public static List<MimeMessage> await(String address, int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> to(address).size() >= count);
        return to(address);
    }

    /** The whole message as sent (headers and every part, decoded as far as GreenMail does). */
    public static String raw(MimeMessage message) {
        return GreenMailUtil.getWholeMessage(message);
    }

    /** The path and query of the first {@code /api/email/ACTION?token=…} link in the message. */
    public static String link(MimeMessage message, String action) {
        Matcher link = Pattern.compile("/api/email/" + action + "\\?token=[A-Za-z0-9_\\-.]+").matcher(textOf(message));
        if (!link.find()) {
            throw new AssertionError("No " + action + " link in " + raw(message));
        }
        return link.group();
    }

    /** The plain-text part of a multipart/alternative message. */
    public static String textOf(MimeMessage message) {
        return part(message, "text/plain");
    }

    public static String htmlOf(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String type) {
        try {
            return find(message.getContent(), type);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Object content, String type) throws MessagingException, IOException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
                String nested = find(part.getContent(), type);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
