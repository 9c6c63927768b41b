package dev.qcurate.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the numbers were measured on. */
final class Machine {

    private Machine() {}

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static Map<String, Object> describe(String postgresVersion, String kafkaVersion) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("cores", Runtime.getRuntime().availableProcessors());
        info.put("cpu", cpuModel());
        info.put("memoryMiB", memoryMiB());
        info.put("loadAverageAtStart", loadAverage());
        info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        info.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        info.put("postgres", postgresVersion);
        info.put("kafka", kafkaVersion);
        return info;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }

    private static long memoryMiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                    .findFirst()
                    .orElse(-1L);
        } catch (Exception e) {
            return -1;
        }
    }
}
