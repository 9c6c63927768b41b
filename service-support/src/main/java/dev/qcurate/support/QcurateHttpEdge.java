package dev.qcurate.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The HTTP edge both services share, switched on by depending on this module: the same limits, the same refusals
 * and the same problem+json answers on both services, and the same cache of verified bearer tokens.
 */
@AutoConfiguration
@Import({RequestHygieneFilter.class, StrictJsonBodies.class, ProblemAuthenticationHandlers.class, CorsSettings.class})
@EnableConfigurationProperties(TokenCacheSettings.class)
public class QcurateHttpEdge {
}
