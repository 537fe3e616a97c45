package org.commitmenttracker.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses a webhook may be delivered to: public unicast only. Refused are loopback, "this host",
 * private (RFC 1918, IPv6 unique-local), carrier-grade NAT (also where some clouds put metadata, e.g.
 * 100.100.100.200), link-local (where 169.254.169.254, the usual cloud metadata address, lives),
 * multicast, broadcast and reserved ranges; IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4)
 * are judged by that IPv4 address. Loopback may be allowed explicitly for tests and local runs.
 */
public final class AddressPolicy {
    private final boolean allowLoopback;

    public AddressPolicy(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** Why a connection to {@code address} is refused, or empty when it is allowed. */
    public Optional<String> refusal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            Optional<Inet4Address> embedded = embeddedIpv4(v6.getAddress());
            if (embedded.isPresent()) {
                return refusal(embedded.get());
            }
        }
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified (this-host) address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address (cloud metadata lives there)");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? refusalOfSpecialIpv4(bytes) : refusalOfSpecialIpv6(bytes);
    }

    private static Optional<String> refusalOfSpecialIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return Optional.of("a this-network address");
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return Optional.of("a carrier-grade NAT address (cloud metadata lives there too)");
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("an IETF protocol-assignment address");
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return Optional.of("a benchmarking address");
        }
        if (first >= 240) {
            return Optional.of("a reserved or broadcast address");
        }
        return Optional.empty();
    }

    private static Optional<String> refusalOfSpecialIpv6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("a private (unique-local) address, where e.g. fd00:ec2::254 metadata lives");
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of("a documentation address");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static Optional<Inet4Address> embeddedIpv4(byte[] b) {
        try {
            if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff
                    || (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12))) {
                return Optional.of((Inet4Address) InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return Optional.of((Inet4Address) InetAddress.getByAddress(new byte[]{b[2], b[3], b[4], b[5]}));
            }
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
        return Optional.empty();
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
