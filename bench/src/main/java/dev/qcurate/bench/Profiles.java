package dev.qcurate.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** JFR on a service JVM through jcmd, and the hottest methods of a recording (execution samples). */
final class Profiles {

    private Profiles() {}

    static void start(long pid, String name) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + name, "settings=profile");
    }

    static void stop(long pid, String name, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath());
    }

    /**
     * Share of samples per top frame, and per first frame in qcurate, Axon, Spring, JDBC/PostgreSQL or Kafka code
     * (what the time is spent for), the {@code limit} largest of each.
     */
    static Map<String, Object> summarise(Path file, int limit) throws IOException {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> owner = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            top.merge(name(frames.get(0)), 1, Integer::sum);
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (type.startsWith("dev.qcurate.")
                        || type.startsWith("org.postgresql.")
                        || type.startsWith("org.axonframework.")
                        || type.startsWith("org.apache.kafka.")
                        || type.startsWith("com.zaxxer.")
                        || type.startsWith("org.springframework.jdbc")) {
                    owner.merge(name(frame), 1, Integer::sum);
                    break;
                }
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("samples", samples);
        summary.put("topFrames", largest(top, samples, limit));
        summary.put("firstApplicationFrames", largest(owner, samples, limit));
        return summary;
    }

    private static Map<String, String> largest(Map<String, Integer> counts, int samples, int limit) {
        Map<String, String> result = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> result.put(e.getKey(), String.format("%.1f%%", 100.0 * e.getValue() / samples)));
        return result;
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "."
                + frame.getMethod().getName();
    }

    private static void jcmd(long pid, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", arguments) + " failed for pid " + pid);
        }
    }
}
