package dev.qcurate.web.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Where the services are and how long the workspace waits for them.
 *
 * @param commandUrl  command-service base URL
 * @param queryUrl    query-service base URL
 * @param connectTimeout how long to wait for a connection before telling the user the service is down
 * @param readTimeout how long one call may take (a {@code minPosition} read waits up to 5 s on the service)
 */
@ConfigurationProperties("qcurate.web")
public record WebProperties(
        URI commandUrl,
        URI queryUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout) {}
