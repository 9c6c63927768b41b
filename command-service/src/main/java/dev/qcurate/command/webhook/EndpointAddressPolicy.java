package dev.qcurate.command.webhook;

import lombok.RequiredArgsConstructor;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs qcurate calls (SSRF guard, docs/webhooks.md): http(s) only, no credentials in the URL, and a host that
 * resolves only to public addresses. Link-local addresses (169.254.0.0/16 with the cloud metadata service, fe80::/10),
 * "any", multicast and broadcast are always refused; loopback and private networks only when a setting allows them.
 * Checked when an endpoint is registered and again before every attempt (the name may resolve elsewhere later).
 */
@RequiredArgsConstructor
final class EndpointAddressPolicy {

    static final int MAX_URL_LENGTH = 2000;

    private final boolean allowLoopback;
    private final boolean allowPrivateNetworks;

    /** The URL if its form is acceptable (without resolving the host); IllegalArgumentException says why not. */
    static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("'url' is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("'url' is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("'url' is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'url' must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("'url' has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'url' must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'url' must not have a fragment");
        }
        return uri;
    }

    /** Resolves the host and refuses it if any of its addresses is one qcurate does not call. */
    void check(URI uri) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("the host of 'url' does not resolve");
        }
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null) {
                throw new IllegalArgumentException(
                        "the host of 'url' resolves to " + refusal + ", which webhooks do not call (docs/webhooks.md)");
            }
        }
    }

    private String refusal(InetAddress address) {
        if (address.isLinkLocalAddress()) {
            return "a link-local address (e.g. a cloud metadata service)";
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || isBroadcast(address)) {
            return "a non-unicast address";
        }
        if (address.isLoopbackAddress() && !allowLoopback) {
            return "a loopback address";
        }
        if (isPrivate(address) && !allowPrivateNetworks) {
            return "a private-network address";
        }
        return null;
    }

    private static boolean isPrivate(InetAddress address) {
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return address.isSiteLocalAddress() || first == 100 && second >= 64 && second < 128; // + CGNAT 100.64/10
        }
        if (address instanceof Inet6Address) {
            int first = address.getAddress()[0] & 0xff;
            return (first & 0xfe) == 0xfc || address.isSiteLocalAddress(); // fc00::/7 unique local
        }
        return false;
    }

    private static boolean isBroadcast(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 && (b[0] & b[1] & b[2] & b[3] & 0xff) == 0xff;
    }
}
