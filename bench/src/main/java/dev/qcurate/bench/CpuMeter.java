package dev.qcurate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of each process of the stack, read from {@code /proc/<pid>/stat} (user + system time). PostgreSQL is the
 * postmaster with the children it has reaped plus every live child (backends, WAL writer, checkpointer …); the JVMs
 * are counted alone. Sampled around each phase, the difference divided by the phase's operations is the CPU budget.
 */
final class CpuMeter {

    static final List<String> PROCESSES =
            List.of("command-service", "query-service", "PostgreSQL", "Kafka broker", "load generator");

    /** USER_HZ: the unit of the stat file's times, 100 on every Linux the JDK supports. */
    private static final double MILLIS_PER_TICK = 10.0;

    /** Cumulative CPU milliseconds per process at one moment. */
    record Sample(Map<String, Double> millis, long nanos) {}

    /** CPU milliseconds per process used over {@code seconds}. */
    record Used(Map<String, Double> millis, double seconds) {}

    private final Stack stack;

    CpuMeter(Stack stack) {
        this.stack = stack;
    }

    /** {@code queryPid}: the query service under test (the stack's, or the one a rebuild started). */
    Sample sample(long queryPid) {
        Map<String, Double> millis = new LinkedHashMap<>();
        millis.put("command-service", ticks(stack.commandPid(), false));
        millis.put("query-service", ticks(queryPid, false));
        millis.put("PostgreSQL", postgresTicks());
        millis.put("Kafka broker", ticks(stack.kafkaPid(), false));
        millis.put("load generator", ticks(ProcessHandle.current().pid(), false));
        millis.replaceAll((process, ticks) -> ticks * MILLIS_PER_TICK);
        return new Sample(millis, System.nanoTime());
    }

    /** CPU milliseconds each process used from {@code before} to now (NaN where a process is unknown). */
    Used since(Sample before, long queryPid) {
        Sample now = sample(queryPid);
        Map<String, Double> used = new LinkedHashMap<>();
        now.millis().forEach((process, millis) -> {
            double delta = millis - before.millis().get(process);
            used.put(process, delta >= 0 ? delta : Double.NaN); // a restarted process: no fair figure
        });
        return new Used(used, (now.nanos() - before.nanos()) / 1e9);
    }

    private double postgresTicks() {
        Path pidFile = stack.postgresPidFile();
        if (pidFile == null) {
            return Double.NaN;
        }
        try {
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            double total = ticks(postmaster, true);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : (Iterable<Path>) processes::iterator) {
                    String name = process.getFileName().toString();
                    if (name.chars().allMatch(Character::isDigit)) {
                        String[] stat = stat(Long.parseLong(name));
                        if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                            total += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                        }
                    }
                }
            }
            return total;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double ticks(long pid, boolean withReapedChildren) {
        String[] stat = pid > 0 ? stat(pid) : null;
        if (stat == null) {
            return Double.NaN;
        }
        long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
        }
        return ticks;
    }

    /** The fields after the command name: [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null; // gone, or not Linux
        }
    }
}
