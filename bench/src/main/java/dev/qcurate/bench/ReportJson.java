package dev.qcurate.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** A run's figures as JSON: everything the Markdown summary has, with every repetition's value. */
final class ReportJson {

    private ReportJson() {}

    static Map<String, Object> of(Report r) {
        Options options = r.options;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("label", options.label());
        json.put("started", r.started.toString());
        json.put("quick", options.quick());
        json.put("repetitions", options.repetitions());
        json.put("secondsPerStep", options.seconds());
        json.put("machine", r.machine);
        json.put("loadAverageAfter", r.loadAfter);
        json.put("serviceJvm", options.serviceJvm());
        json.put("serviceEnvironment", options.serviceEnvironment());
        json.put("postgresSettings", options.postgresSettings());
        json.put("reference", map(r.reference));
        Map<String, Object> throughput = new LinkedHashMap<>();
        throughput.put("stepRates", map(r.stepRates));
        throughput.put("stepLagMillis", map(r.stepLags));
        throughput.put("stepIndexLagMillis", map(r.stepIndexLags));
        throughput.put("stepP99Millis", map(r.stepP99));
        throughput.put("sustained", r.sustained.json());
        throughput.put("sustainedClients", r.sustainedClients());
        throughput.put("ratioToReference", Stats.round(r.sustained.median() / r.referenceAt(r.sustainedClients())));
        throughput.put("mix", r.mix);
        throughput.put("failures", r.mixFailures);
        json.put("throughput", throughput);
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("offeredRate", Stats.round(r.latencyRate));
        latency.put("achievedRate", r.achieved.json());
        latency.put("commandP50Millis", r.commandP50.json());
        latency.put("commandP99Millis", r.commandP99.json());
        latency.put("visibleAfterAckP50Millis", r.visibleP50.json());
        latency.put("visibleAfterAckP99Millis", r.visibleP99.json());
        latency.put("visibleAfterSendP50Millis", r.visibleSendP50.json());
        latency.put("visibleAfterSendP99Millis", r.visibleSendP99.json());
        latency.put("failures", r.latencyFailures);
        json.put("latency", latency);
        json.put(
                "rebuild",
                Map.of(
                        "events",
                        r.rebuildEvents,
                        "eventsPerSecond",
                        r.rebuild.json(),
                        "freshServiceFirstConsumptionSeconds",
                        Stats.round(r.rebuildFirstSeconds)));
        if (r.embeddingCatchUp != null) {
            json.put(
                    "embeddingCatchUp",
                    Map.of(
                            "backlogAtStart",
                            r.embeddingCatchUp.backlogAtStart(),
                            "seconds",
                            Stats.round(r.embeddingCatchUp.seconds()),
                            "drained",
                            r.embeddingCatchUp.drained()));
        }
        Map<String, Object> readJson = new LinkedHashMap<>();
        r.reads.forEach((name, s) -> readJson.put(
                name, Map.of("p50Millis", s[0].json(), "p99Millis", s[1].json(), "requestsPerSecond", s[2].json())));
        json.put(
                "reads",
                Map.of(
                        "listSize",
                        r.listSize,
                        "oldVersion",
                        r.listOldVersion,
                        "clients",
                        options.readClients(),
                        "results",
                        readJson,
                        "failures",
                        r.readFailures));
        json.put(
                "duplicates",
                Map.of(
                        "questions",
                        r.duplicateQuestions,
                        "clients",
                        options.duplicateClients(),
                        "p50Millis",
                        r.dupP50.json(),
                        "p99Millis",
                        r.dupP99.json(),
                        "requestsPerSecond",
                        r.dupRate.json(),
                        "failures",
                        r.duplicateFailures));
        json.put("cpuBudget", r.cpu.json());
        json.put("profiles", r.profiles);
        return json;
    }

    private static Map<String, Object> map(Map<Integer, Stats> stats) {
        Map<String, Object> result = new LinkedHashMap<>();
        stats.forEach((k, v) -> result.put(Integer.toString(k), v.json()));
        return result;
    }
}
