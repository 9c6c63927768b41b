package dev.qcurate.query.duplicates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the numbered questions of the seed lists the way an editor would see them: markdown and mojibake gone. */
final class SeedQuestions {

    static final List<String> FILES = List.of("000_0f91697fe15f572d.txt", "004_111ccd207ca0913c.txt");

    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+\\.\\s+(.+)$");

    private SeedQuestions() {
    }

    /** Every question of every seed file, in file order; placeholder items ("x") are skipped. */
    static List<String> all() {
        List<String> questions = new ArrayList<>();
        for (String file : FILES) {
            for (String line : read(file).split("\\R")) {
                Matcher numbered = NUMBERED.matcher(line);
                if (numbered.matches()) {
                    String question = clean(numbered.group(1));
                    if (question.length() > 2) {
                        questions.add(question);
                    }
                }
            }
        }
        return questions;
    }

    static String clean(String raw) {
        return MojibakeRepair.repair(raw).replace("**", "").replace("`", "").strip();
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
