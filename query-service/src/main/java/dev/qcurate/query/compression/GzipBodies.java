package dev.qcurate.query.compression;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip bodies keyed by the strong ETag of the uncompressed body: a strong ETag names exactly one byte sequence (a
 * list version's answer never changes), so its compressed form is computed once and served as bytes afterwards.
 */
final class GzipBodies {

    private final Cache<String, byte[]> compressed;

    GzipBodies(DataSize maxSize) {
        this.compressed = Caffeine.newBuilder()
                .maximumWeight(maxSize.toBytes())
                .weigher((String etag, byte[] body) -> body.length + etag.length())
                .build();
    }

    byte[] of(String etag, byte[] body) {
        return compressed.get(etag, tag -> gzip(body));
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory gzip cannot fail", e);
        }
        return out.toByteArray();
    }
}
