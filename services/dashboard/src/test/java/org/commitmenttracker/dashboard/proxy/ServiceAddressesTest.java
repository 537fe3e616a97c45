package org.commitmenttracker.dashboard.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class ServiceAddressesTest {
    private final ServiceAddresses addresses = new ServiceAddresses(URI.create("http://ingestion:8080"),
            URI.create("http://extraction:8080/"), URI.create("https://registry.example.org"), URI.create("http://notification:8080"));

    @Test
    void theBrowserNamesOnlyTheFourServices() {
        assertThat(addresses.baseOf("registry")).contains("https://registry.example.org");
        assertThat(addresses.baseOf("extraction")).contains("http://extraction:8080");
        assertThat(addresses.baseOf("actuator")).isEmpty();
        assertThat(addresses.baseOf("")).isEmpty();
    }

    @Test
    void aMissingOrRelativeAddressStopsTheStart() {
        assertThatThrownBy(() -> new ServiceAddresses(URI.create("/relative"), URI.create("http://e"), URI.create("http://r"),
                URI.create("http://n"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceAddresses(URI.create("file:///etc"), URI.create("http://e"), URI.create("http://r"),
                URI.create("http://n"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceAddresses(null, URI.create("http://e"), URI.create("http://r"), URI.create("http://n")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
