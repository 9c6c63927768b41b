package dev.qcurate.query.duplicates;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionAnalyzerTest {

    private final QuestionAnalyzer analyzer = new QuestionAnalyzer();

    @Test
    void anAcronymAndItsExpansionAnalyseToTheSameTerm() {
        assertThat(analyzer.terms("How does CSRF protection work in Django?"))
                .isEqualTo(analyzer.terms("How does cross-site request forgery protection work in Django?"));
        assertThat(analyzer.terms("What is the MRO?"))
                .isEqualTo(analyzer.terms("What is the method resolution order?"));
    }

    @Test
    void anOperatorAndItsNameAnalyseToTheSameTerm() {
        assertThat(analyzer.terms("What does := do?")).isEqualTo(analyzer.terms("What does the walrus operator do?"));
        assertThat(analyzer.terms("What does == compare?")).containsExactly("equalityoper", "versu");
    }

    @Test
    void theGlossaryJoinsOnlyTrueEquivalents() {
        assertThat(analyzer.terms("What is a context manager?"))
                .isEqualTo(analyzer.terms("What is the with statement?"))
                .isNotEqualTo(analyzer.terms("What is a context processor?"));
        assertThat(analyzer.terms("How do you merge two dictionaries?"))
                .isEqualTo(analyzer.terms("How do you combine two dicts?"));
    }
}
