package dev.qcurate.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Repetitions of one figure: the values, their median and spread. */
final class Stats {

    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    double median() {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("median", round(median()));
        json.put("min", round(min()));
        json.put("max", round(max()));
        json.put("values", values.stream().map(Stats::round).toList());
        return json;
    }

    /** "1,234 (1,200–1,250)" */
    String text(int decimals) {
        if (values.isEmpty()) {
            return "–";
        }
        String format = "%,." + decimals + "f";
        if (values.size() == 1) {
            return String.format(format, median());
        }
        return String.format(format + " (" + format + "–" + format + ")", median(), min(), max());
    }

    static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
    }
}
