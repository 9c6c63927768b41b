package dev.qcurate.query.curatedlist.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.qcurate.query.curatedlist.ListEntryView;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A list version as a file. Texts come from editors and imported documents, so every format neutralises them:
 * Markdown escapes markup and HTML, CSV defuses spreadsheet formulas and quotes properly.
 */
@Component
class ListExport {

    enum Format {
        MARKDOWN("md", new MediaType("text", "markdown", StandardCharsets.UTF_8)),
        JSON("json", MediaType.APPLICATION_JSON),
        CSV("csv", new MediaType("text", "csv", StandardCharsets.UTF_8));

        final String extension;
        final MediaType mediaType;

        Format(String extension, MediaType mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        static Format parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("format must be markdown, json or csv");
            }
        }
    }

    // Each entry is one line after "N. ", so only inline markup can start there: emphasis, code, links/images
    // (need "["), strikethrough, and raw HTML (neutralised by escaping "<" and "&").
    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]~])");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u2028\\u2029]+");
    private static final Pattern UNSAFE_FILE_NAME = Pattern.compile("[^A-Za-z0-9._-]+");

    private final ObjectMapper json;

    ListExport(ObjectMapper json) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    byte[] render(ListVersionView.Content list, Format format) {
        String text = switch (format) {
            case MARKDOWN -> markdown(list);
            case JSON -> json(list);
            case CSV -> csv(list);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    String fileName(ListVersionView.Content list, Format format) {
        String name = UNSAFE_FILE_NAME.matcher(list.name()).replaceAll("-");
        return name + "-v" + list.version() + "." + format.extension;
    }

    static String markdown(ListVersionView.Content list) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(markdownText(list.title())).append("\n\n");
        out.append("Version ").append(list.version());
        if (list.release() != null) {
            out.append(" (release ").append(markdownText(list.release())).append(')');
        }
        out.append(", ")
                .append(list.size())
                .append(list.size() == 1 ? " question" : " questions")
                .append("\n\n");
        int number = 1;
        for (ListEntryView entry : list.entries()) {
            out.append(number++).append(". ").append(markdownText(entry.text()));
            if (!entry.tags().isEmpty()) {
                out.append(" — tags: ")
                        .append(String.join(
                                ", ",
                                entry.tags().stream()
                                        .map(ListExport::markdownText)
                                        .toList()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Plain text in Markdown: no markup, links, headings or raw HTML can render from it. */
    static String markdownText(String text) {
        String oneLine = LINE_BREAKS.matcher(text).replaceAll(" ");
        String escaped = MARKDOWN_SPECIAL.matcher(oneLine).replaceAll("\\\\$1");
        return escaped.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    static String csv(ListVersionView.Content list) {
        StringBuilder out = new StringBuilder("position,questionId,text,tags,revision\r\n");
        int number = 1;
        for (ListEntryView entry : list.entries()) {
            out.append(number++)
                    .append(',')
                    .append(entry.questionId())
                    .append(',')
                    .append(csvCell(entry.text()))
                    .append(',')
                    .append(csvCell(String.join("; ", entry.tags())))
                    .append(',')
                    .append(entry.revision())
                    .append("\r\n");
        }
        return out.toString();
    }

    /** A quoted cell; a leading = + - @ tab or CR would start a formula in a spreadsheet, so it gets a ' first. */
    static String csvCell(String value) {
        String cell = value;
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private String json(ListVersionView.Content list) {
        try {
            return json.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the list as JSON", e);
        }
    }
}
