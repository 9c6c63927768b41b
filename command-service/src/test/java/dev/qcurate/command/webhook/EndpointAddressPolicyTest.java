package dev.qcurate.command.webhook;

import org.junit.jupiter.api.Test;

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

    @Test
    void refusesOtherSchemesAndOddForms() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EndpointAddressPolicy.parse("ftp://example.org/x"))
                .withMessageContaining("http or https");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EndpointAddressPolicy.parse("file:///etc/passwd"))
                .withMessageContaining("http or https");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EndpointAddressPolicy.parse("javascript:alert(1)"))
                .withMessageContaining("http or https");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EndpointAddressPolicy.parse("hooks.example.org"))
                .withMessageContaining("http or https");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EndpointAddressPolicy.parse("https:///path"))
                .withMessageContaining("no host");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EndpointAddressPolicy.parse("https://u:p@example.org/"))
                .withMessageContaining("user name or password");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EndpointAddressPolicy.parse("https://exa mple.org/"))
                .withMessageContaining("not a valid URL");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EndpointAddressPolicy.parse(null))
                .withMessageContaining("required");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EndpointAddressPolicy.parse("https://example.org/" + "a".repeat(2000)))
                .withMessageContaining("longer than 2000");
    }

    @Test
    void alwaysRefusesTheMetadataServiceAndOtherLinkLocalAddresses() {
        for (EndpointAddressPolicy policy :
                new EndpointAddressPolicy[] {strict, forTests, new EndpointAddressPolicy(true, true)}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> policy.check(URI.create("http://169.254.169.254/")))
                    .withMessageContaining("link-local");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> policy.check(URI.create("http://[fe80::1]/")))
                    .withMessageContaining("link-local");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> policy.check(URI.create("http://0.0.0.0/")))
                    .withMessageContaining("non-unicast");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> policy.check(URI.create("http://[::ffff:169.254.169.254]/")))
                    .withMessageContaining("link-local");
        }
    }

    @Test
    void refusesLoopbackAndPrivateNetworksUnlessASettingAllowsThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> strict.check(URI.create("http://127.0.0.1:8080/")))
                .withMessageContaining("loopback");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> strict.check(URI.create("http://localhost/")))
                .withMessageContaining("loopback");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> strict.check(URI.create("http://10.1.2.3/")))
                .withMessageContaining("private-network");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> strict.check(URI.create("http://192.168.0.10/")))
                .withMessageContaining("private-network");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> strict.check(URI.create("http://[fd00::1]/")))
                .withMessageContaining("private-network");

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
