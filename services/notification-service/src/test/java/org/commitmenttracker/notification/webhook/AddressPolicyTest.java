package org.commitmenttracker.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {
    private final AddressPolicy strict = new AddressPolicy(false);

    /**
     * Every form, with what the log says about it: IPv4 special ranges, IPv6 outside 2000::/3 and the special
     * ranges inside it, and every IPv6 form carrying an IPv4 address (judged by that address, or refused outright).
     */
    @ParameterizedTest(name = "{0} refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1            | loopback
            127.1.2.3            | loopback
            ::1                  | loopback
            0.0.0.0              | this-network
            0.1.2.3              | this-network
            ::                   | unspecified
            10.0.0.1             | private
            172.16.5.4           | private
            172.31.255.255       | private
            192.168.1.1          | private
            169.254.169.254      | link-local
            100.64.0.1           | carrier-grade NAT
            100.100.100.200      | carrier-grade NAT
            192.0.0.8            | protocol-assignment
            192.0.2.1            | documentation
            198.51.100.7         | documentation
            203.0.113.9          | documentation
            192.88.99.1          | 6to4 relay
            198.18.0.1           | benchmarking
            198.19.255.1         | benchmarking
            224.0.0.251          | multicast
            240.0.0.1            | reserved
            255.255.255.255      | reserved or broadcast
            fe80::1              | link-local
            fc00::1              | unique-local
            fd00:ec2::254        | unique-local
            ff02::1              | multicast
            100::1               | discard-only
            ::ffff:10.0.0.1      | private
            ::ffff:127.0.0.1     | loopback
            ::ffff:169.254.169.254 | link-local
            ::10.0.0.5           | IPv4-compatible address carrying 10.0.0.5, a private
            ::127.0.0.1          | IPv4-compatible address carrying 127.0.0.1, a loopback
            ::8.8.8.8            | IPv4-compatible address carrying 8.8.8.8
            ::ffff:0:10.0.0.1    | IPv4-translated address carrying 10.0.0.1
            64:ff9b::a9fe:a9fe   | NAT64 address carrying 169.254.169.254, a link-local
            64:ff9b::7f00:1      | NAT64 address carrying 127.0.0.1, a loopback
            64:ff9b:1::a00:5     | local-use NAT64 address carrying 10.0.0.5
            64:ff9b:1::808:808   | local-use NAT64 address carrying 8.8.8.8
            2002:c0a8:0101::1    | 6to4 address carrying 192.168.1.1, a private
            2002:7f00:1::1       | 6to4 address carrying 127.0.0.1, a loopback
            2001:0:4136:e378:8000:63bf:f5ff:fffa | Teredo address carrying 10.0.0.5
            2001:0:4136:e378:8000:63bf:f7f7:f7f7 | Teredo address carrying 8.8.8.8
            2001:db8::1          | documentation
            3fff::1              | documentation
            2001:2::1            | protocol-assignment
            2001:10::1           | protocol-assignment
            2001:20::1           | protocol-assignment
            4000::1              | outside global unicast
            1::1                 | outside global unicast
            """)
    void refusesEverythingThatIsNotGlobalUnicast(String literal, String why) throws Exception {
        assertThat(strict.refusal(InetAddress.getByName(literal))).as(literal).hasValueSatisfying(reason -> assertThat(reason).contains(why));
    }

    /** The JDK turns IPv4-mapped literals into IPv4 addresses; an address built from its 16 bytes stays IPv6. */
    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "127.0.0.1", "169.254.169.254", "100.64.0.1"})
    void ipv4MappedAddressesKeptAsIpv6AreJudgedByTheirIpv4Address(String ipv4) throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, mapped, 12, 4);
        assertThat(strict.refusal(Inet6Address.getByAddress(null, mapped, -1))).as(ipv4).isPresent();
        mapped[15] = 8;
        System.arraycopy(new byte[]{8, 8, 8}, 0, mapped, 12, 3);
        assertThat(strict.refusal(Inet6Address.getByAddress(null, mapped, -1))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.0.3.1", "198.20.0.1", "223.255.255.1",
            "2606:4700::1111", "2a00:1450::1", "2001:4860:4860::8888", "2001:200::1", "::ffff:8.8.8.8",
            "64:ff9b::808:808", "2002:808:808::1"})
    void allowsGlobalUnicastAddresses(String literal) throws Exception {
        assertThat(strict.refusal(InetAddress.getByName(literal))).as(literal).isEmpty();
    }

    @Test
    void loopbackOnlyWhenExplicitlyAllowed() throws Exception {
        AddressPolicy local = new AddressPolicy(true);
        assertThat(local.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(local.refusal(InetAddress.getByName("10.0.0.1"))).isPresent();
    }

    @Test
    void aHostWithOneForbiddenAddressAmongPublicOnesIsRefused() {
        Map<String, String[]> dns = Map.of("rebind.example.org", new String[]{"93.184.215.14", "169.254.169.254"},
                "ok.example.org", new String[]{"93.184.215.14"});
        WebhookUrlPolicy policy = new WebhookUrlPolicy(false, host -> {
            String[] answers = dns.get(host);
            if (answers == null) {
                throw new java.net.UnknownHostException(host);
            }
            InetAddress[] addresses = new InetAddress[answers.length];
            for (int i = 0; i < answers.length; i++) {
                addresses[i] = InetAddress.getByName(answers[i]);
            }
            return addresses;
        });
        assertThat(policy.check("https://ok.example.org/hook").getHost()).isEqualTo("ok.example.org");
        assertThatThrownBy(() -> policy.check("https://rebind.example.org/hook")).isInstanceOf(RejectedUrlException.class)
                .hasMessageContaining("not a public address").hasMessageNotContaining("169.254").hasMessageNotContaining("link-local");
        assertThatThrownBy(() -> policy.check("https://unknown.example.org/hook")).as("no answer reads like an internal one")
                .hasMessage("The webhook host unknown.example.org is not a public address; webhooks go to public addresses only.");
        assertThatThrownBy(() -> policy.check("http://ok.example.org/hook")).hasMessageContaining("must use https");
    }

    @Test
    void plainHttpOnlyToLoopbackAndOnlyWhenAllowed() {
        WebhookUrlPolicy local = new WebhookUrlPolicy(true, InetAddress::getAllByName);
        assertThat(local.check("http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
        assertThatThrownBy(() -> local.check("http://93.184.215.14/hook")).hasMessageContaining("must use https, not http");
        assertThatThrownBy(() -> new WebhookUrlPolicy(false, InetAddress::getAllByName).check("http://127.0.0.1/hook"))
                .hasMessageContaining("must use https");
        assertThatThrownBy(() -> new WebhookUrlPolicy(false, InetAddress::getAllByName).check("https://127.0.0.1/hook"))
                .hasMessageContaining("not a public address");
    }
}
