package dev.qcurate.command.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class EndpointAddressPolicyTest {

    private final EndpointAddressPolicy strict = new EndpointAddressPolicy(false, false);
    private final EndpointAddressPolicy forTests = new EndpointAddressPolicy(true, false);

    @Test
    void acceptsHttpAndHttpsUrls() {
        assertThat(EndpointAddressPolicy.parse("https://hooks.example.org/qcurate?x=1")
                        .getHost())
                .isEqualTo("hooks.example.org");
        assertThat(EndpointAddressPolicy.parse("HTTP://hooks.example.org").getScheme())
                .isEqualTo("HTTP");
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {
                "ftp://example.org/x,         http or https",
                "file:///etc/passwd,          http or https",
                "javascript:alert(1),         http or https",
                "hooks.example.org,           http or https",
                "https:///path,               no host",
                "https://u:p@example.org/,    user name or password",
                "https://exa mple.org/,       not a valid URL",
                "NULL,                        required"
            })
    void refusesOtherSchemesAndOddForms(String address, String reason) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EndpointAddressPolicy.parse(address))
                .withMessageContaining(reason);
    }

    @Test
    void refusesOverlongAddresses() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EndpointAddressPolicy.parse("https://example.org/" + "a".repeat(2000)))
                .withMessageContaining("longer than 2000");
    }

    /** Whatever the settings allow. */
    @ParameterizedTest
    @CsvSource({
        "http://169.254.169.254/,            link-local",
        "http://[fe80::1]/,                  link-local",
        "http://0.0.0.0/,                    non-unicast",
        "http://[::ffff:169.254.169.254]/,   link-local"
    })
    void alwaysRefusesTheMetadataServiceAndOtherLinkLocalAddresses(String address, String reason) {
        for (EndpointAddressPolicy policy :
                new EndpointAddressPolicy[] {strict, forTests, new EndpointAddressPolicy(true, true)}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> policy.check(URI.create(address)))
                    .withMessageContaining(reason);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1:8080/,   loopback",
        "http://localhost/,        loopback",
        "http://10.1.2.3/,         private-network",
        "http://192.168.0.10/,     private-network",
        "http://[fd00::1]/,        private-network"
    })
    void strictRefusesLoopbackAndPrivateNetworks(String address, String reason) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> strict.check(URI.create(address)))
                .withMessageContaining(reason);
    }

    @Test
    void settingsAllowLoopbackAndPrivateNetworks() {
        assertThatNoException().isThrownBy(() -> forTests.check(URI.create("http://127.0.0.1:8080/")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> forTests.check(URI.create("http://172.16.0.1/")))
                .withMessageContaining("private-network");
        assertThatNoException()
                .isThrownBy(() -> new EndpointAddressPolicy(false, true).check(URI.create("http://172.16.0.1/")));
    }

    @Test
    void acceptsPublicAddresses() {
        assertThatNoException().isThrownBy(() -> strict.check(URI.create("https://93.184.215.14/hook")));
        assertThatNoException().isThrownBy(() -> strict.check(URI.create("https://[2606:4700::1111]/hook")));
    }
}
