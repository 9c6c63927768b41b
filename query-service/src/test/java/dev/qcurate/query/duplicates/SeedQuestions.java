package dev.qcurate.query.duplicates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the numbered questions of the seed lists the way the importer hands them on: markdown and mojibake gone. The
 * index itself no longer repairs mojibake (the command service's importer does, before anything is proposed), so the
 * seeds' Mac Roman damage is undone here, whole line at a time, which is all these two files need.
 */
final class SeedQuestions {

    static final List<String> FILES = List.of("000_0f91697fe15f572d.txt", "004_111ccd207ca0913c.txt");

    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+\\.\\s+(.+)$");

    private SeedQuestions() {}

    /** Every question of every seed file, in file order; placeholder items ("x") are skipped. */
    static List<String> all() {
        List<String> questions = new ArrayList<>();
        for (String file : FILES) {
            questions.addAll(of(file));
        }
        return questions;
    }

    /** The questions of one seed file, in order. */
    static List<String> of(String file) {
        List<String> questions = new ArrayList<>();
        for (String line : read(file).split("\\R")) {
            Matcher numbered = NUMBERED.matcher(line);
            if (numbered.matches()) {
                String question = clean(numbered.group(1));
                if (question.length() > 2) {
                    questions.add(question);
                }
            }
        }
        return questions;
    }

    static String clean(String raw) {
        return macRomanRepaired(raw).replace("**", "").replace("`", "").strip();
    }

    private static String macRomanRepaired(String line) {
        if (line.chars().allMatch(c -> c < 0x80)) {
            return line;
        }
        try {
            ByteBuffer bytes = Charset.forName("x-MacRoman")
                    .newEncoder()
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(line));
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException notMojibake) {
            return line;
        }
    }

    private static String read(String file) {
        try (InputStream in = SeedQuestions.class.getResourceAsStream("/duplicates/seeds/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource duplicates/seeds/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
