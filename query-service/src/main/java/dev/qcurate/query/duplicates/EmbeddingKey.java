package dev.qcurate.query.duplicates;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes two texts the same for the sentence model: Unicode NFKC, typographic quotes as straight ones (the
 * tokenizer splits them differently), lower case (the model is uncased), runs of white space as one space, no space
 * at the ends. The stored vector of a text is keyed by the SHA-256 of this form.
 */
final class EmbeddingKey {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[\u2018\u2019\u201B\u2032]");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\u201C\u201D\u201F\u2033]");

    private EmbeddingKey() {}

    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        folded = DOUBLE_QUOTES
                .matcher(SINGLE_QUOTES.matcher(folded).replaceAll("'"))
                .replaceAll("\"");
        return WHITE_SPACE.matcher(folded).replaceAll(" ").strip();
    }

    static byte[] hash(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalise(text).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
