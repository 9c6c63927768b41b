package dev.qcurate.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus scrapes both services without a user's token on their management ports (as docker-compose.yml sets
 * them); the services' own ports no longer serve actuator, and the management port exposes nothing else freely.
 */
class MetricsScrapeIT {

    private static final int COMMAND_MANAGEMENT = ServiceProcess.freePort();
    private static final int QUERY_MANAGEMENT = ServiceProcess.freePort();
    private static ScaledSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = ScaledSystem.start(
                "metrics_scrape", 1, management(COMMAND_MANAGEMENT), 1, management(QUERY_MANAGEMENT));
    }

    private static Map<String, String> management(int port) {
        return Map.of("MANAGEMENT_SERVER_PORT", Integer.toString(port), "MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
    }

    @AfterAll
    static void stop() throws Exception {
        system.close();
    }

    @Test
    void bothServicesAreScrapedOnTheirManagementPortsWithoutAToken() throws Exception {
        HttpResponse<String> command = get("http://127.0.0.1:" + COMMAND_MANAGEMENT + "/actuator/prometheus");
        assertThat(command.statusCode()).isEqualTo(200);
        assertThat(command.body())
                .contains(
                        "qcurate_relay_lag_events",
                        "qcurate_relay_republished_total",
                        "qcurate_relay_reconciled_position",
                        "qcurate_commands_retried_total");
        HttpResponse<String> query = get("http://127.0.0.1:" + QUERY_MANAGEMENT + "/actuator/prometheus");
        assertThat(query.statusCode()).isEqualTo(200);
        assertThat(query.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
    }

    @Test
    void metricsAreNotOnTheServicePortsAndOtherEndpointsOnTheManagementPortNeedAnAdmin() throws Exception {
        // nothing is served there any more, and the security filter answers before the dispatcher could say 404
        assertThat(get(system.commandUrls.get(0) + "/actuator/prometheus").statusCode())
                .isEqualTo(401);
        assertThat(get(system.queryUrls.get(0) + "/actuator/prometheus").statusCode())
                .isEqualTo(401);
        assertThat(get("http://127.0.0.1:" + COMMAND_MANAGEMENT + "/actuator/metrics")
                        .statusCode())
                .isEqualTo(401);
        assertThat(get("http://127.0.0.1:" + QUERY_MANAGEMENT + "/actuator/metrics")
                        .statusCode())
                .isEqualTo(401);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
