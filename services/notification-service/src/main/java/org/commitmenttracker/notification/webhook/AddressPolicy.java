package org.commitmenttracker.notification.webhook;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Which addresses a webhook may be delivered to: global unicast only, by allow-list. An IPv4 address is allowed
 * unless it lies in a special-purpose range (this network, private, carrier-grade NAT, loopback, link-local where
 * cloud metadata lives, protocol assignments, documentation, benchmarking, the 6to4 relay, multicast, reserved,
 * broadcast). An IPv6 address is allowed only inside 2000::/3 and outside its special ranges (IETF protocol
 * assignments 2001::/23 with Teredo, benchmarking and ORCHID, documentation). Every IPv6 form that carries an
 * IPv4 address has it decoded and judged by the IPv4 rules: IPv4-mapped and the well-known NAT64 prefix and 6to4
 * reach that IPv4 address, so they are allowed exactly when it is; the deprecated or local forms (IPv4-compatible,
 * IPv4-translated, local-use NAT64, Teredo) are refused whatever they carry, and the reason names what they carry.
 * Loopback may be allowed explicitly for tests and local runs. The reasons are for the log: subscribers are only
 * told that a host is not a public address.
 */
public final class AddressPolicy {
    /** IPv4 special-purpose ranges (IANA registry, RFC 6890 and successors) that are not global unicast. */
    private static final List<Range> SPECIAL_IPV4 = List.of(
            Range.of("0.0.0.0/8", "a this-network address"),
            Range.of("10.0.0.0/8", "a private address"),
            Range.of("100.64.0.0/10", "a carrier-grade NAT address (cloud metadata lives there too)"),
            Range.of("127.0.0.0/8", "a loopback address"),
            Range.of("169.254.0.0/16", "a link-local address (cloud metadata lives there)"),
            Range.of("172.16.0.0/12", "a private address"),
            Range.of("192.0.0.0/24", "an IETF protocol-assignment address"),
            Range.of("192.0.2.0/24", "a documentation address"),
            Range.of("192.88.99.0/24", "a 6to4 relay anycast address"),
            Range.of("192.168.0.0/16", "a private address"),
            Range.of("198.18.0.0/15", "a benchmarking address"),
            Range.of("198.51.100.0/24", "a documentation address"),
            Range.of("203.0.113.0/24", "a documentation address"),
            Range.of("224.0.0.0/4", "a multicast address"),
            Range.of("240.0.0.0/4", "a reserved or broadcast address"));

    private static final Range GLOBAL_UNICAST_IPV6 = Range.of("2000::/3", "global unicast");
    private static final Range LOOPBACK_IPV6 = Range.of("::1/128", "a loopback address");
    private static final Range UNSPECIFIED_IPV6 = Range.of("::/128", "an unspecified (this-host) address");

    /** Special ranges inside 2000::/3 (a Teredo address is an embedding, below). */
    private static final List<Range> SPECIAL_GLOBAL_IPV6 = List.of(
            Range.of("2001:db8::/32", "a documentation address"),
            Range.of("3fff::/20", "a documentation address"),
            Range.of("2001::/23", "an IETF protocol-assignment address (benchmarking 2001:2::/48, ORCHID, AMT…)"));

    /** Names for the usual addresses outside 2000::/3, for the log; anything else there is "not global unicast". */
    private static final List<Range> NAMED_NON_GLOBAL_IPV6 = List.of(
            UNSPECIFIED_IPV6,
            Range.of("100::/64", "a discard-only address"),
            Range.of("fc00::/7", "a private (unique-local) address, where e.g. fd00:ec2::254 metadata lives"),
            Range.of("fe80::/10", "a link-local address"),
            Range.of("ff00::/8", "a multicast address"));

    private static final UnaryOperator<byte[]> LAST_32_BITS = b -> Arrays.copyOfRange(b, 12, 16);

    /** IPv6 forms that carry an IPv4 address, the first that matches wins (the more specific come first). */
    private static final List<Embedding> EMBEDDINGS = List.of(
            new Embedding(Range.of("::ffff:0:0/96", "an IPv4-mapped address"), LAST_32_BITS, true),
            new Embedding(Range.of("64:ff9b::/96", "a NAT64 address"), LAST_32_BITS, true),
            new Embedding(Range.of("2002::/16", "a 6to4 address"), b -> Arrays.copyOfRange(b, 2, 6), true),
            new Embedding(Range.of("::ffff:0:0:0/96", "an IPv4-translated address"), LAST_32_BITS, false),
            new Embedding(Range.of("::/96", "a deprecated IPv4-compatible address"), LAST_32_BITS, false),
            new Embedding(Range.of("64:ff9b:1::/48", "a local-use NAT64 address"), LAST_32_BITS, false),
            // Teredo: the client's public address is stored inverted in the last 32 bits.
            new Embedding(Range.of("2001::/32", "a Teredo address"), b -> {
                byte[] client = Arrays.copyOfRange(b, 12, 16);
                for (int i = 0; i < client.length; i++) {
                    client[i] = (byte) ~client[i];
                }
                return client;
            }, false));

    private final boolean allowLoopback;

    public AddressPolicy(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** Why a connection to {@code address} is refused (for the log), or empty when it is allowed. */
    public Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? refusalOfIpv4(bytes) : refusalOfIpv6(bytes);
    }

    private Optional<String> refusalOfIpv4(byte[] b) {
        if (allowLoopback && (b[0] & 0xff) == 127) {
            return Optional.empty();
        }
        return SPECIAL_IPV4.stream().filter(range -> range.contains(b)).map(Range::what).findFirst();
    }

    private Optional<String> refusalOfIpv6(byte[] b) {
        if (LOOPBACK_IPV6.contains(b)) {
            return allowLoopback ? Optional.empty() : Optional.of(LOOPBACK_IPV6.what());
        }
        if (UNSPECIFIED_IPV6.contains(b)) {
            return Optional.of(UNSPECIFIED_IPV6.what());
        }
        for (Embedding embedding : EMBEDDINGS) {
            if (embedding.form().contains(b)) {
                byte[] ipv4 = embedding.ipv4().apply(b);
                Optional<String> ofIpv4 = refusalOfIpv4(ipv4);
                String carried = embedding.form().what() + " carrying " + dotted(ipv4);
                if (embedding.judgedByIpv4()) {
                    return ofIpv4.map(why -> carried + ", " + why);
                }
                return Optional.of(carried + ofIpv4.map(why -> ", " + why).orElse(""));
            }
        }
        if (!GLOBAL_UNICAST_IPV6.contains(b)) {
            return Optional.of(NAMED_NON_GLOBAL_IPV6.stream().filter(range -> range.contains(b)).map(Range::what).findFirst()
                    .orElse("an address outside global unicast (2000::/3)"));
        }
        return SPECIAL_GLOBAL_IPV6.stream().filter(range -> range.contains(b)).map(Range::what).findFirst();
    }

    private static String dotted(byte[] ipv4) {
        return (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "." + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff);
    }

    /** An IPv6 form carrying an IPv4 address: judged by that address, or refused whatever it carries. */
    private record Embedding(Range form, UnaryOperator<byte[]> ipv4, boolean judgedByIpv4) {
    }

    /** A CIDR block and what an address in it is, in words. */
    private record Range(byte[] prefix, int bits, String what) {
        static Range of(String cidr, String what) {
            int slash = cidr.indexOf('/');
            String literal = cidr.substring(0, slash);
            byte[] prefix;
            try {
                prefix = InetAddress.getByName(literal).getAddress(); // a literal: no name lookup happens
            } catch (java.net.UnknownHostException impossible) {
                throw new IllegalArgumentException(cidr, impossible);
            }
            if (literal.contains(":") && prefix.length == 4) {
                // The JDK turns an IPv4-mapped literal into its IPv4 address: back to the IPv6 bytes it names.
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(prefix, 0, mapped, 12, 4);
                prefix = mapped;
            }
            return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)), what);
        }

        boolean contains(byte[] address) {
            if (prefix.length != address.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (prefix[i] != address[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            return rest == 0 || ((prefix[full] ^ address[full]) & (0xff << (8 - rest)) & 0xff) == 0;
        }
    }
}
