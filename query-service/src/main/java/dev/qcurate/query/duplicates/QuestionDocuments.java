package dev.qcurate.query.duplicates;

import dev.qcurate.query.duplicates.Resemblance.Variant;
import lombok.RequiredArgsConstructor;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How a question is laid out in Lucene, and read back: its id, text, BM25 body (text and aliases), the analysed terms
 * of each variant for {@link Resemblance}, its text's vector in an HNSW graph and its aliases' vectors stored.
 */
@RequiredArgsConstructor
final class QuestionDocuments {

    static final String ID = "id";
    static final String TEXT = "text";
    static final String BODY = "body";
    static final String TERMS = "terms";
    static final String PARTS = "parts";
    static final String SEARCHABLE = "searchable";
    static final String VECTOR = "vector";
    static final String ALIAS_VECTORS = "alias_vectors";
    /** Position of an item within an import batch; only in the batch's throw-away index. */
    static final String ORDER = "order";

    static final Set<String> STORED = Set.of(ID, TEXT, TERMS, PARTS, ALIAS_VECTORS);

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[?!;])|(?<=\\.)\\s+");

    private final QuestionAnalyzer analyzer;

    static Term idTerm(UUID questionId) {
        return new Term(ID, questionId.toString());
    }

    /**
     * @param vectors one per variant of the entry, text first; null for a variant not embedded yet, which is then
     *                found by its terms alone
     */
    Document document(IndexEntry entry, List<float[]> vectors) {
        Document document = new Document();
        document.add(new StringField(ID, entry.questionId().toString(), Field.Store.YES));
        document.add(new StoredField(TEXT, entry.text()));
        document.add(new StringField(SEARCHABLE, Boolean.toString(entry.searchable()), Field.Store.NO));
        for (String variant : entry.variants()) {
            // analysed once: the terms feed the stored variants, the cached tokens are what the writer indexes
            CachingTokenFilter tokens = new CachingTokenFilter(analyzer.tokenStream(BODY, variant));
            List<String> terms = QuestionAnalyzer.terms(tokens);
            document.add(new Field(BODY, tokens, TextField.TYPE_NOT_STORED));
            for (Variant analysed : variantsOf(variant, new LinkedHashSet<>(terms))) {
                document.add(new StoredField(analysed.part() ? PARTS : TERMS, String.join(" ", analysed.terms())));
            }
        }
        if (vectors.get(0) != null) {
            document.add(new KnnFloatVectorField(VECTOR, vectors.get(0), VectorSimilarityFunction.DOT_PRODUCT));
        }
        List<float[]> aliases = vectors.subList(1, vectors.size()).stream()
                .filter(Objects::nonNull)
                .toList();
        if (!aliases.isEmpty()) {
            byte[] aliasVectors = new byte[aliases.size() * SentenceModel.DIMENSION * Float.BYTES];
            for (int i = 0; i < aliases.size(); i++) {
                byte[] one = Vectors.toBytes(aliases.get(i));
                System.arraycopy(one, 0, aliasVectors, i * one.length, one.length);
            }
            document.add(new StoredField(ALIAS_VECTORS, aliasVectors));
        }
        return document;
    }

    /** The whole text, and each of its sentences when it has more than one that means something. */
    List<Variant> variantsOf(String text) {
        return variantsOf(text, termSet(text));
    }

    private List<Variant> variantsOf(String text, Set<String> whole) {
        List<Variant> variants = new ArrayList<>();
        if (whole.isEmpty()) {
            return variants;
        }
        variants.add(new Variant(whole, false));
        String[] pieces = SENTENCE_END.split(text);
        if (pieces.length < 2) {
            return variants; // one sentence: no parts, nothing more to analyse
        }
        List<Set<String>> sentences = new ArrayList<>();
        for (String sentence : pieces) {
            Set<String> terms = termSet(sentence);
            if (!terms.isEmpty() && !terms.equals(whole)) {
                sentences.add(terms);
            }
        }
        if (sentences.size() > 1) {
            sentences.forEach(terms -> variants.add(new Variant(terms, true)));
        }
        return variants;
    }

    private Set<String> termSet(String text) {
        return new LinkedHashSet<>(analyzer.terms(text));
    }

    /** The analysed variants stored with a document. */
    static List<Variant> variantsOf(Document document) {
        List<Variant> variants = new ArrayList<>();
        for (String field : List.of(TERMS, PARTS)) {
            for (IndexableField value : document.getFields(field)) {
                String terms = value.stringValue();
                if (!terms.isEmpty()) {
                    variants.add(new Variant(new LinkedHashSet<>(List.of(terms.split(" "))), PARTS.equals(field)));
                }
            }
        }
        return variants;
    }

    /** The vectors of a document: its text's (from the HNSW field's values), then its aliases'. */
    static List<float[]> vectorsOf(IndexReader reader, int doc, Document stored) throws IOException {
        List<float[]> vectors = new ArrayList<>(1);
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
        int local = doc - leaf.docBase;
        if (values != null && values.advance(local) == local) {
            vectors.add(values.vectorValue().clone());
        }
        BytesRef aliases = stored.getBinaryValue(ALIAS_VECTORS);
        if (aliases != null) {
            int each = SentenceModel.DIMENSION * Float.BYTES;
            for (int offset = 0; offset + each <= aliases.length; offset += each) {
                vectors.add(Vectors.fromBytes(aliases.bytes, aliases.offset + offset, each));
            }
        }
        return vectors;
    }
}
