package dev.qcurate.query.compression;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Gzip on the list reads only: their answers are immutable per ETag, so each is compressed once. */
@Configuration
class CompressionConfig {

    @Bean
    FilterRegistrationBean<GzipListFilter> gzipListFilter(
            @Value("${qcurate.list-cache.gzip-max-size:32MB}") DataSize maxSize) {
        FilterRegistrationBean<GzipListFilter> registration =
                new FilterRegistrationBean<>(new GzipListFilter(new GzipBodies(maxSize)));
        registration.addUrlPatterns("/api/lists/*");
        registration.setOrder(0); // after Spring Security's chain (-100): refused requests are not buffered
        return registration;
    }
}
