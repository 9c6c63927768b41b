package dev.qcurate.web.review;

import dev.qcurate.web.services.ChangeKind;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the reviewer narrowed the queue to, read from the URL (or the hidden fields of a form on the page) leniently:
 * a value the services would refuse is left out and named in {@code ignored}, so a hand-edited URL never fails.
 *
 * @param page       1-based
 * @param sideBySide show text diffs in two columns instead of inline
 */
public record ReviewFilter(
        ChangeKind kind, String tag, String proposer, UUID importId, int page, boolean sideBySide, String ignored) {

    static final int MAX_TAG = 40;
    static final int MAX_PROPOSER = 64;

    static ReviewFilter from(Map<String, String> parameters) {
        StringBuilder ignored = new StringBuilder();
        String kindName = blankToNull(parameters.get("type"));
        ChangeKind kind = kindName == null ? null : ChangeKind.parse(kindName).orElse(null);
        if (kindName != null && kind == null) {
            ignored.append("There is no change kind \"")
                    .append(shorten(kindName))
                    .append("\". ");
        }
        String tag = blankToNull(parameters.get("tag"));
        if (tag != null && tag.length() > MAX_TAG) {
            ignored.append("A tag has at most ").append(MAX_TAG).append(" characters. ");
            tag = null;
        }
        String proposer = blankToNull(parameters.get("proposer"));
        if (proposer != null && proposer.length() > MAX_PROPOSER) {
            ignored.append("A username has at most ").append(MAX_PROPOSER).append(" characters. ");
            proposer = null;
        }
        UUID importId = null;
        String importText = blankToNull(parameters.get("import"));
        if (importText != null) {
            try {
                importId = UUID.fromString(importText);
            } catch (IllegalArgumentException e) {
                ignored.append("\"").append(shorten(importText)).append("\" is not an import id. ");
            }
        }
        int page = 1;
        String pageText = blankToNull(parameters.get("page"));
        if (pageText != null) {
            try {
                page = Math.max(1, Math.min(Integer.parseInt(pageText), 5_000));
            } catch (NumberFormatException e) {
                ignored.append("\"").append(shorten(pageText)).append("\" is not a page number. ");
            }
        }
        boolean sideBySide = "side".equals(parameters.get("view"));
        return new ReviewFilter(
                kind,
                tag,
                proposer,
                importId,
                page,
                sideBySide,
                ignored.isEmpty() ? null : ignored.toString().trim() + " That filter was left out.");
    }

    /** True when anything but the page and the view narrows the queue. */
    public boolean narrowed() {
        return kind != null || tag != null || proposer != null || importId != null;
    }

    /** The query service's parameters for these filters ({@code withKind} false: counts for every kind). */
    Map<String, Object> serviceQuery(boolean withKind) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("status", "PENDING");
        query.put("type", withKind && kind != null ? kind.name() : null);
        query.put("tag", tag);
        query.put("proposer", proposer);
        query.put("importId", importId);
        return query;
    }

    ReviewFilter onPage(int other) {
        return new ReviewFilter(kind, tag, proposer, importId, Math.max(1, other), sideBySide, null);
    }

    ReviewFilter withView(boolean side) {
        return new ReviewFilter(kind, tag, proposer, importId, page, side, null);
    }

    /** This queue's address: where a plain form goes back to and what paging and view links point at. */
    public String url() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", kind == null ? null : kind.name());
        values.put("tag", tag);
        values.put("proposer", proposer);
        values.put("import", importId);
        values.put("page", page > 1 ? page : null);
        values.put("view", sideBySide ? "side" : null);
        values.values().removeIf(java.util.Objects::isNull);
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/review");
        values.keySet().forEach(name -> url.queryParam(name, "{" + name + "}"));
        // as template variables, values are encoded strictly ('+' and '&' in a tag survive the round trip)
        return url.encode().buildAndExpand(values).toUriString();
    }

    public String previousUrl() {
        return onPage(page - 1).url();
    }

    public String nextUrl() {
        return onPage(page + 1).url();
    }

    /** The same queue narrowed to one kind, from its first page. */
    public String kindUrl(ChangeKind other) {
        return new ReviewFilter(other, tag, proposer, importId, 1, sideBySide, null).url();
    }

    public String inlineUrl() {
        return withView(false).url();
    }

    public String sideBySideUrl() {
        return withView(true).url();
    }

    public String kindName() {
        return kind == null ? null : kind.name();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
