package dev.qcurate.web.markdown;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Comments are Markdown written by users: raw HTML in them is escaped, not passed through, and link and image URLs
 * other than http(s), mailto and relative ones are dropped ({@code javascript:} never reaches a page).
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {}

    public static String toHtml(String source) {
        return RENDERER.render(PARSER.parse(source == null ? "" : source));
    }
}
