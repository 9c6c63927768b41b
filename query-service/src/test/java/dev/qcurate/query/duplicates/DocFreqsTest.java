package dev.qcurate.query.duplicates;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Term statistics shared by the lookups against one reader, and fresh for a refreshed one. */
class DocFreqsTest {

    @Test
    void lookupsShareAReadersStatisticsARefreshedReaderCountsAgainAndAClosedOneIsForgotten() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            writer.addDocument(body("generator iterator"));
            writer.addDocument(body("generator decorator"));
            writer.commit();
            try (DirectoryReader first = DirectoryReader.open(directory)) {
                DocFreqs shared = DocFreqs.of(first);

                assertThat(DocFreqs.of(first)).isSameAs(shared);
                assertThat(shared.of("generator")).isEqualTo(2);
                assertThat(shared.of("decorator")).isEqualTo(1);
                assertThat(shared.of("metaclass")).isZero();

                writer.addDocument(body("generator metaclass"));
                writer.commit();
                try (DirectoryReader refreshed = DirectoryReader.openIfChanged(first)) {
                    assertThat(DocFreqs.of(refreshed)).isNotSameAs(shared);
                    assertThat(DocFreqs.of(refreshed).of("generator")).isEqualTo(3);
                    assertThat(DocFreqs.of(refreshed).of("metaclass")).isEqualTo(1);
                }
                assertThat(shared.of("generator"))
                        .as("the old reader's counts stand")
                        .isEqualTo(2);

                IndexReader.CacheKey key = first.getReaderCacheHelper().getKey();
                assertThat(DocFreqs.held(key)).isTrue();
                first.close();
                assertThat(DocFreqs.held(key))
                        .as("dropped with the closed reader")
                        .isFalse();
            }
        }
    }

    private static Document body(String text) {
        Document document = new Document();
        document.add(new TextField(QuestionDocuments.BODY, text, Field.Store.NO));
        return document;
    }
}
