package dev.qcurate.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * The HTTP edge both services share, switched on by depending on this module: the same limits, the same refusals
 * and the same problem+json answers on both services, and the same cache of verified bearer tokens.
 */
@AutoConfiguration
@Import({RequestHygieneFilter.class, StrictJsonBodies.class, ProblemAuthenticationHandlers.class, CorsSettings.class})
@EnableConfigurationProperties(TokenCacheSettings.class)
public class QcurateHttpEdge {

    /**
     * No Micrometer observation around each of the ~15 security filters, the authentication and the authorization
     * of every request: they cost measurable CPU per request and fed no metric anyone reads. The HTTP request
     * metrics ({@code http_server_requests_seconds}) are observed by Spring MVC and stay.
     */
    /** The security both services share, with the scrape rule for this service's own ports. */
    @Bean
    ApiSecurity apiSecurity(
            ProblemAuthenticationHandlers problems,
            @Value("${server.port:8080}") int serverPort,
            @Value("${management.server.port:-1}") int managementPort) {
        return new ApiSecurity(problems, ManagementPortScrape.on(serverPort, managementPort));
    }

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
