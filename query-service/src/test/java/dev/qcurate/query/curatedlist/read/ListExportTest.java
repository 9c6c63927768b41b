package dev.qcurate.query.curatedlist.read;

import dev.qcurate.query.curatedlist.ListEntryView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ListExportTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static ListVersionView.Content list(String text, List<String> tags) {
        return new ListVersionView.Content(
                ID,
                "demo",
                "Demo <b>list</b>",
                null,
                3,
                Instant.EPOCH,
                null,
                1,
                List.of(new ListEntryView(ID, text, tags, 2)));
    }

    @Test
    void csvDefusesFormulasAndQuotes() {
        String csv = ListExport.csv(list("=HYPERLINK(\"http://x\",\"a, b\")", List.of("-tag", "@x")));
        assertThat(csv)
                .startsWith("position,questionId,text,tags,revision\r\n")
                .contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"a, b\"\")\"")
                .contains("\"'-tag; @x\"");
        for (String start : List.of("+1", "-1", "@a", "\tx", "\rx")) {
            assertThat(ListExport.csvCell(start)).startsWith("\"'");
        }
        assertThat(ListExport.csvCell("plain")).isEqualTo("\"plain\"");
    }

    @Test
    void markdownIsNumberedWithTagsAndRendersNoHtmlOrMarkup() {
        String markdown =
                ListExport.markdown(list("<script>alert(1)</script> [x](javascript:y) *b*\n# h", List.of("python")));
        assertThat(markdown)
                .startsWith("# Demo &lt;b>list&lt;/b>\n")
                .contains("1. &lt;script>alert(1)&lt;/script> \\[x\\](javascript:y) \\*b\\* # h — tags: python")
                .doesNotContain("<script")
                .doesNotContain("\n#  h");
    }
}
