package dev.qcurate.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * CORS is closed (no cross-origin browser calls) unless {@code QCURATE_CORS_ORIGINS} lists allowed origins, comma
 * separated, e.g. {@code https://curate.example.org}. Tokens travel in a header, never in cookies, so no credentials.
 */
@Configuration
public class CorsSettings {

    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${qcurate.cors.origins:}") String origins) {
        List<String> allowed = Arrays.stream(origins.split(","))
                .map(String::strip)
                .filter(o -> !o.isEmpty())
                .toList();
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!allowed.isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(allowed);
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
            cors.setExposedHeaders(List.of("X-Qcurate-Position", "Retry-After"));
            cors.setAllowCredentials(false);
            cors.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/**", cors);
        }
        return source;
    }
}
