package dev.qcurate.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU milliseconds per operation of each process, per phase (median over the repetitions), and the stack's idle
 * rate: where each operation's cost goes, so a lever shows which process it saved in. Unlike throughput and
 * latency, CPU time per operation hardly depends on what else runs on the machine (cache and scheduling effects
 * aside).
 */
final class CpuBudget {

    /** phase → process → ms per operation; "total" is the sum of the known processes. */
    private final Map<String, Map<String, Stats>> perOperation = new LinkedHashMap<>();

    private final Map<String, Stats> operations = new LinkedHashMap<>();
    private Map<String, Double> idlePerSecond = Map.of();
    private double idleTotal;

    void idle(CpuMeter.Used used) {
        Map<String, Double> rate = new LinkedHashMap<>();
        used.millis().forEach((process, ms) -> rate.put(process, ms / used.seconds()));
        idlePerSecond = rate;
        idleTotal = rate.values().stream()
                .mapToDouble(Double::doubleValue)
                .filter(v -> !Double.isNaN(v))
                .sum();
    }

    void add(String phase, CpuMeter.Used used, long count) {
        if (count <= 0) {
            return;
        }
        Map<String, Double> millis = used.millis();
        Map<String, Stats> row = perOperation.computeIfAbsent(phase, p -> new LinkedHashMap<>());
        double total = 0;
        for (String process : CpuMeter.PROCESSES) {
            double ms = millis.getOrDefault(process, Double.NaN);
            row.computeIfAbsent(process, p -> new Stats()).add(ms / count);
            total += Double.isNaN(ms) ? 0 : ms;
        }
        row.computeIfAbsent("total", p -> new Stats()).add(total / count);
        // at low rates the stack's background work (idle row) is a large share of each operation's figure
        row.computeIfAbsent("total − idle", p -> new Stats()).add((total - idleTotal * used.seconds()) / count);
        operations.computeIfAbsent(phase, p -> new Stats()).add(count);
    }

    boolean isEmpty() {
        return perOperation.isEmpty();
    }

    void markdown(StringBuilder md) {
        if (isEmpty()) {
            return;
        }
        md.append("\n### CPU budget: CPU ms per operation, by process (/proc utime+stime)\n\n")
                .append("Each phase is sampled before and after, including the wait until the read model and the")
                .append(" duplicate index (sentence vectors included) caught up, so indexing is in a command's budget;")
                .append(" an operation is a command (mix, open loop), an INSERT+COMMIT (reference) or a read.")
                .append(" The idle row is ms of CPU per second with no load, measured before the phases; it is")
                .append(" included in the processes' figures; the last column subtracts it (idle rate × the phase's")
                .append(" duration) from the total.\n\n| phase | operations |");
        CpuMeter.PROCESSES.forEach(p -> md.append(' ').append(p).append(" |"));
        md.append(" total | total − idle |\n|---|---|");
        CpuMeter.PROCESSES.forEach(p -> md.append("---|"));
        md.append("---|---|\n| idle (ms/s) | – |");
        for (String process : CpuMeter.PROCESSES) {
            md.append(String.format(" %.1f |", idlePerSecond.getOrDefault(process, Double.NaN)));
        }
        md.append(String.format(" %.1f | |%n", idleTotal));
        perOperation.forEach((phase, row) -> {
            md.append("| ")
                    .append(phase)
                    .append(" | ")
                    .append(operations.get(phase).text(0))
                    .append(" |");
            row.values().forEach(s -> md.append(' ').append(s.text(3)).append(" |"));
            md.append('\n');
        });
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("idleMillisPerSecond", idlePerSecond);
        Map<String, Object> phases = new LinkedHashMap<>();
        perOperation.forEach((phase, row) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("operations", operations.get(phase).json());
            row.forEach((process, s) -> r.put(process, s.json()));
            phases.put(phase, r);
        });
        json.put("millisPerOperation", phases);
        return json;
    }
}
