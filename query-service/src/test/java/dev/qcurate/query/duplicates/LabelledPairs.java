package dev.qcurate.query.duplicates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The editor-labelled pairs of seed questions in {@code duplicates/labelled-pairs.csv}. */
record LabelledPairs(List<Pair> pairs) {

    enum Label {
        DUPLICATE,
        RELATED,
        LOOKALIKE
    }

    record Pair(String textA, String textB, Label label) {}

    /** The pairs of seed questions, labelled by reading both seed lists. */
    static LabelledPairs load() {
        return load("labelled-pairs.csv");
    }

    /** Pairs written for the evaluation (paraphrases, related but distinct, hard negatives); see README.md. */
    static LabelledPairs written() {
        return load("written-pairs.csv");
    }

    /**
     * Pairs written after the scorer's last change and measured once: a hold-out no choice was ever made on
     * (thresholds, glossary, models), so its figures say how the scorer does on questions nobody tuned it for.
     */
    static LabelledPairs fresh() {
        return load("fresh-pairs.csv");
    }

    private static LabelledPairs load(String file) {
        try (InputStream in = LabelledPairs.class.getResourceAsStream("/duplicates/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource duplicates/" + file);
            }
            List<List<String>> rows = parseCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Pair> pairs = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                pairs.add(new Pair(
                        row.get(0), row.get(1), Label.valueOf(row.get(2).toUpperCase())));
            }
            return new LabelledPairs(List.copyOf(pairs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Pair> withLabel(Label label) {
        return pairs.stream().filter(pair -> pair.label() == label).toList();
    }

    /** RFC 4180: commas separate, double quotes enclose, a doubled quote escapes itself. */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                if (row.size() > 1 || !row.get(0).isEmpty()) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
