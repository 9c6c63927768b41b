package dev.qcurate.query.duplicates;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a question into the terms that carry its meaning: folds case and accents, maps the
 * curated synonyms, seed typos and the Python/Django glossary onto one spelling, drops the phrasing every question shares ("what is the
 * difference between", "with example") and stems what is left.
 */
final class QuestionAnalyzer extends Analyzer {

    /**
     * Built by reading the seed lists. Comparison wording collapses to {@code versus} so that "list vs tuple ?" and
     * "What is the difference between a list and a tuple?" analyse alike; typos seen in the seeds are mapped here,
     * unseen ones are left to the fuzzy matching in {@link DuplicateIndex}.
     */
    private static final String SYNONYMS = """
            vs, versus, difference, differences, diffrence, differnce, diffrenece, differ, differs, differentiate, compare, \
            comparison, \
            pros and cons, advantages and disadvantages => versus
            djnago, djanog, djngo, dajngo => django
            tyoes => types
            singles => signals
            interator, interators => iterator
            fibbonicci, fibonnaci => fibonacci
            comprehenssion, comprehenssions => comprehension
            decsciptor => descriptor
            propoerty => property
            buitin, built in => builtin
            microservies => microservices
            desgin => design
            scipt => script
            secind => second
            posgresql, postgres => postgresql
            patter, patters, pattern, patterns, architecture => pattern
            absract => abstract
            benifits => benefits
            picking => pickling
            unpicking => unpickling
            authorisation => authorization
            multithreading, multi threading, threading, threads, thread => threading
            multiprocessing, multi processing => multiprocessing
            py => python
            python 2, py2 => python2
            python 3, py3 => python3
            error, errors, exception, exceptions => exception
            datatypes, datatype, data types, data type => datatype
            oops, oop, object oriented programming => oop
            global interpreter lock => gil
            django rest framework, rest framework, django rest => drf
            static method, static methods => staticmethod
            class method, class methods => classmethod
            db => database
            mtv, mvc, mtc, model view template, model view controller => mvc
            virtual environment, venv => virtualenv
            """;

    /** Question phrasing and English function words; none of them tells two questions apart. */
    private static final CharArraySet STOP_WORDS = new CharArraySet(
            List.of(
                    "a",
                    "an",
                    "and",
                    "are",
                    "as",
                    "at",
                    "be",
                    "but",
                    "by",
                    "for",
                    "from",
                    "if",
                    "in",
                    "into",
                    "is",
                    "it",
                    "its",
                    "no",
                    "not",
                    "of",
                    "on",
                    "or",
                    "such",
                    "that",
                    "the",
                    "their",
                    "then",
                    "there",
                    "these",
                    "they",
                    "this",
                    "those",
                    "to",
                    "was",
                    "were",
                    "will",
                    "with",
                    "what",
                    "whats",
                    "wha",
                    "which",
                    "who",
                    "why",
                    "when",
                    "where",
                    "how",
                    "do",
                    "does",
                    "did",
                    "done",
                    "can",
                    "could",
                    "should",
                    "would",
                    "shall",
                    "may",
                    "we",
                    "you",
                    "your",
                    "i",
                    "me",
                    "my",
                    "our",
                    "us",
                    "one",
                    "each",
                    "other",
                    "some",
                    "any",
                    "all",
                    "own",
                    "have",
                    "has",
                    "explain",
                    "explanation",
                    "describe",
                    "define",
                    "definition",
                    "tell",
                    "about",
                    "between",
                    "use",
                    "used",
                    "uses",
                    "using",
                    "usage",
                    "case",
                    "cases",
                    "example",
                    "examples",
                    "realtime",
                    "realwork",
                    "real",
                    "purpose",
                    "mean",
                    "meaning",
                    "role",
                    "different",
                    "various",
                    "simple",
                    "write",
                    "implement",
                    "implementation",
                    "work",
                    "works",
                    "them",
                    "over",
                    "also",
                    "both",
                    "same",
                    "briefly",
                    "detail",
                    "details",
                    "follow",
                    "follows",
                    "they're",
                    "e.g",
                    "basic",
                    "major",
                    "common",
                    "commonly",
                    "question",
                    "questions"),
            true);

    /** {@code ==} vanishes in the tokenizer and {@code is} is a stop word: keep the equality operator as a word. */
    private static final Pattern EQUALITY_OPERATOR = Pattern.compile("==");

    /** {@code :=} vanishes in the tokenizer too; the glossary maps its name onto the same word. */
    private static final Pattern WALRUS_OPERATOR = Pattern.compile(":=");

    /** Python and Django terms named in more than one way (acronyms, operator names); see the file's header. */
    private static final String GLOSSARY = "/duplicates/glossary.txt";

    /** Immutable once built, so every analyzer shares one (the glossary is read and parsed once per process). */
    private static final SynonymMap SYNONYM_MAP = buildSynonyms();

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        Reader operatorsNamed = new PatternReplaceCharFilter(EQUALITY_OPERATOR, " equalityoperator ", reader);
        return new PatternReplaceCharFilter(WALRUS_OPERATOR, " walrusoperator ", operatorsNamed);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(tokenizer);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new SynonymGraphFilter(stream, SYNONYM_MAP, true);
        stream = new FlattenGraphFilter(stream);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /** The analysed terms of {@code text}, in order, duplicates kept. */
    List<String> terms(String text) {
        return terms(tokenStream(QuestionDocuments.BODY, text));
    }

    /**
     * Reads {@code stream} to its end and closes it, returning its terms. A {@link CachingTokenFilter} can be read
     * again afterwards (it replays its cache), which is how a text is analysed once for its terms and for indexing.
     */
    static List<String> terms(TokenStream tokens) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = tokens) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static SynonymMap buildSynonyms() {
        Analyzer ruleAnalyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new WhitespaceTokenizer();
                return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
            }
        };
        try (ruleAnalyzer) {
            SolrSynonymParser parser = new SolrSynonymParser(true, false, ruleAnalyzer);
            parser.parse(new StringReader(SYNONYMS));
            try (Reader glossary = glossary()) {
                parser.parse(glossary);
            }
            return parser.build();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("The curated synonym list or the glossary does not parse", e);
        }
    }

    private static Reader glossary() {
        InputStream glossary = QuestionAnalyzer.class.getResourceAsStream(GLOSSARY);
        if (glossary == null) {
            throw new IllegalStateException(GLOSSARY + " is missing from the classpath");
        }
        return new InputStreamReader(glossary, StandardCharsets.UTF_8);
    }
}
