package dev.qcurate.command.importing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeadingTagsTest {

    @Test
    void dropsEmojiMarkupAndWordsAboutTheDocument() {
        assertThat(HeadingTags.fromHeading("🔹 **Basic Python Interview Questions**"))
                .containsExactly("basic", "python");
        assertThat(HeadingTags.fromHeading("🧪 **Common Coding Tasks in Django Interviews**"))
                .containsExactly("coding-tasks", "django");
    }

    @Test
    void splitsAtSeparatorsAndJoinsPhrasesWithHyphens() {
        assertThat(HeadingTags.fromHeading("Django Admin & REST Framework"))
                .containsExactly("django-admin", "rest-framework");
        assertThat(HeadingTags.fromHeading("Intermediate/Advanced Python Questions"))
                .containsExactly("intermediate", "advanced", "python");
        assertThat(HeadingTags.fromHeading("Python django - Interview questions for experienced developer"))
                .containsExactly("python-django");
    }

    @Test
    void dropsParentheticalExpansions() {
        assertThat(HeadingTags.fromHeading("OOP (Object-Oriented Programming) in Python"))
                .containsExactly("oop", "python");
    }

    @Test
    void dropsNumbering() {
        assertThat(HeadingTags.fromHeading("2. Data   Structures")).containsExactly("data-structures");
        assertThat(HeadingTags.fromHeading("Part 3: Decorators")).containsExactly("decorators");
    }

    @Test
    void givesNoTagsForGenericHeadings() {
        assertThat(HeadingTags.fromHeading("Interview Questions")).isEmpty();
        assertThat(HeadingTags.fromHeading("✅ Most Commonly Asked Questions")).isEmpty();
    }

    @Test
    void keepsCharactersThatNameTechnologies() {
        assertThat(HeadingTags.fromHeading("C++ and C# Basics")).containsExactly("c++", "basic", "c#");
        assertThat(HeadingTags.fromHeading("Node.js")).containsExactly("node.js");
    }
}
