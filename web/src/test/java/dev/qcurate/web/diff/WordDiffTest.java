package dev.qcurate.web.diff;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WordDiffTest {

    @Test
    void marksWholeWordsNotCharacters() {
        WordDiff diff = WordDiff.of("What is a decorator?", "What is a Python decorator?");

        Document inline = Jsoup.parseBodyFragment(diff.inline());
        assertThat(inline.select("ins").text()).isEqualTo("added: Python");
        assertThat(inline.select("del")).isEmpty();
        assertThat(inline.text()).isEqualTo("What is a added: Python decorator?");
        assertThat(diff.unchanged()).isFalse();
    }

    @Test
    void aReplacedWordIsRemovedAndAddedOnTheirSides() {
        WordDiff diff = WordDiff.of("Explain list comprehensions", "Explain dict comprehensions");

        assertThat(Jsoup.parseBodyFragment(diff.before()).select("del").text()).isEqualTo("removed: list");
        assertThat(Jsoup.parseBodyFragment(diff.before()).select("ins")).isEmpty();
        assertThat(Jsoup.parseBodyFragment(diff.after()).select("ins").text()).isEqualTo("added: dict");
        assertThat(Jsoup.parseBodyFragment(diff.inline()).select("del, ins")).hasSize(2);
    }

    @Test
    void escapesEveryCharacterThatMeansSomethingInHtml() {
        WordDiff diff = WordDiff.of("a & b", "<script>alert('x')</script> & \"b\"");

        assertThat(diff.inline())
                .doesNotContain("<script")
                .contains("&lt;script&gt;")
                .contains("&amp;")
                .contains("&quot;")
                .contains("&#39;x&#39;");
        Document parsed = Jsoup.parseBodyFragment(diff.after());
        assertThat(parsed.select("script")).isEmpty();
        parsed.select(".visually-hidden").remove();
        assertThat(parsed.body().wholeText()).isEqualTo("<script>alert('x')</script> & \"b\"");
    }

    @Test
    void equalTextsAreUnchanged() {
        WordDiff diff = WordDiff.of("Same & same", "Same & same");

        assertThat(diff.unchanged()).isTrue();
        assertThat(diff.inline()).isEqualTo("Same &amp; same");
    }

    @Test
    void tagChangesAreSplitIntoKeptAddedAndRemoved() {
        TagChange change = TagChange.of(List.of("python", "basics"), List.of("python", "django"));

        assertThat(change.kept()).containsExactly("python");
        assertThat(change.added()).containsExactly("django");
        assertThat(change.removed()).containsExactly("basics");
        assertThat(TagChange.of(List.of("a"), List.of("a")).unchanged()).isTrue();
    }
}
