package dev.qcurate.query.curatedlist;

import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Lists at any version (number, release label or moment), their versions, diffs, releases and exports. */
@RestController
@Validated
class ListQueryController {

    private final ListQueries lists;
    private final ListExport export;

    ListQueryController(ListQueries lists, ListExport export) {
        this.lists = lists;
        this.export = export;
    }

    @GetMapping("/api/lists")
    List<ListVersionView.Summary> all() {
        return lists.all();
    }

    @GetMapping("/api/lists/{id}")
    ListVersionView.Content list(@PathVariable UUID id, @RequestParam(required = false) Integer version,
                                 @RequestParam(required = false) @Size(max = 64) String release,
                                 @RequestParam(required = false) @Size(max = 64) String asOf) {
        return lists.content(id, new ListQueries.Selector(version, release, asOf));
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
    ResponseEntity<byte[]> export(@PathVariable UUID id, @RequestParam(defaultValue = "markdown") String format,
                                  @RequestParam(required = false) Integer version,
                                  @RequestParam(required = false) @Size(max = 64) String release,
                                  @RequestParam(required = false) @Size(max = 64) String asOf) {
        ListExport.Format chosen = ListExport.Format.parse(format);
        ListVersionView.Content content = lists.content(id, new ListQueries.Selector(version, release, asOf));
        return ResponseEntity.ok()
                .contentType(chosen.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(export.fileName(content, chosen), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(export.render(content, chosen));
    }
}
