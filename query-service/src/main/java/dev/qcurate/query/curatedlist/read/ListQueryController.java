package dev.qcurate.query.curatedlist.read;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Lists at any version (number, release label or moment), their versions, diffs, releases and exports. A list version
 * and its exports carry a strong ETag ({@code If-None-Match} answers 304); one pinned by number or release label never
 * changes, so clients may keep it, while the latest (or {@code asOf}) must be revalidated.
 */
@RestController
@Validated
@RequiredArgsConstructor
class ListQueryController {

    private final ListQueries lists;
    private final ListExport export;

    @GetMapping("/api/lists")
    List<ListVersionView.Summary> all() {
        return lists.all();
    }

    /** Pinned versions never change; a day is a bound on how long a client trusts it without asking. */
    private static final CacheControl PINNED =
            CacheControl.maxAge(1, TimeUnit.DAYS).cachePrivate().immutable();

    private static final CacheControl MOVING = CacheControl.noCache().cachePrivate();

    @GetMapping("/api/lists/{id}")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ListVersionView.Content.class)))
    ResponseEntity<byte[]> list(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) @Size(max = 64) String release,
            @RequestParam(required = false) @Size(max = 64) String asOf) {
        ListQueries.Selector selector = new ListQueries.Selector(version, release, asOf);
        ListVersionCache.Rendered rendered = lists.content(id, selector);
        // Spring answers 304 without the body when If-None-Match names this ETag
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .eTag(rendered.etag())
                .cacheControl(cacheControl(selector))
                .body(rendered.json());
    }

    @GetMapping("/api/lists/{id}/versions")
    List<ListVersionView.VersionItem> versions(@PathVariable UUID id) {
        return lists.versions(id);
    }

    @GetMapping("/api/lists/{id}/releases")
    List<ListVersionView.ReleaseItem> releases(@PathVariable UUID id) {
        return lists.releases(id);
    }

    @GetMapping("/api/lists/{id}/diff")
    ListVersionView.Diff diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to) {
        return lists.diff(id, from, to);
    }

    @GetMapping("/api/lists/{id}/export")
    ResponseEntity<byte[]> export(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "markdown") String format,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) @Size(max = 64) String release,
            @RequestParam(required = false) @Size(max = 64) String asOf) {
        ListExport.Format chosen = ListExport.Format.parse(format);
        ListQueries.Selector selector = new ListQueries.Selector(version, release, asOf);
        ListVersionCache.Rendered rendered = lists.content(id, selector);
        ListVersionView.Content content = rendered.content();
        return ResponseEntity.ok()
                .contentType(chosen.mediaType)
                .eTag(rendered.etag(chosen))
                .cacheControl(cacheControl(selector))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(export.fileName(content, chosen), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(rendered.export(chosen, f -> export.render(content, f)));
    }

    private static CacheControl cacheControl(ListQueries.Selector selector) {
        return selector.version() != null || selector.release() != null ? PINNED : MOVING;
    }
}
