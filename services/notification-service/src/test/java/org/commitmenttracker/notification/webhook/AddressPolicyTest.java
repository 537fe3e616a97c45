package org.commitmenttracker.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {
    private final AddressPolicy strict = new AddressPolicy(false);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "0.0.0.0", "::", "10.0.0.1", "172.16.5.4", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "fe80::1", "fc00::1", "fd00:ec2::254", "100.64.0.1", "100.100.100.200",
            "224.0.0.251", "ff02::1", "255.255.255.255", "240.0.0.1", "192.0.0.8", "198.18.0.1", "0.1.2.3",
            "::ffff:10.0.0.1", "::ffff:127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:c0a8:0101::1", "2001:db8::1"})
    void refusesEverythingThatIsNotPublicUnicast(String literal) throws Exception {
        assertThat(strict.refusal(InetAddress.getByName(literal))).as(literal).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "2a00:1450::1"})
    void allowsPublicAddresses(String literal) throws Exception {
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
            InetAddress[] addresses = new InetAddress[answers.length];
            for (int i = 0; i < answers.length; i++) {
                addresses[i] = InetAddress.getByName(answers[i]);
            }
            return addresses;
        });
        assertThat(policy.check("https://ok.example.org/hook").getHost()).isEqualTo("ok.example.org");
        assertThatThrownBy(() -> policy.check("https://rebind.example.org/hook")).isInstanceOf(RejectedUrlException.class)
                .hasMessageContaining("169.254.169.254");
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
                .hasMessageContaining("loopback");
    }
}
