package dev.qcurate.bench;

import java.time.Duration;

/**
 * How long the query service takes, after a rebuild, to load its duplicate index again and to embed the questions it
 * indexed without sentence vectors (texts no instance has embedded yet are found by their terms until its backlog
 * reaches them). Read from its {@code qcurate.duplicates.index.reloading} and
 * {@code qcurate.duplicates.embedding.backlog} gauges.
 */
record EmbeddingCatchUp(long backlogAtStart, double seconds, boolean drained) {

    private static final String RELOADING = "/actuator/metrics/qcurate.duplicates.index.reloading";
    private static final String BACKLOG = "/actuator/metrics/qcurate.duplicates.embedding.backlog";
    /** The instance notices a replaced read model on its next topic poll (500 ms): give it that before looking. */
    private static final Duration NOTICE = Duration.ofSeconds(2);

    /** Waits, up to {@code limit}, until the index is loaded and the backlog is empty. */
    static EmbeddingCatchUp await(Api api, String adminToken, Duration limit) throws InterruptedException {
        long t0 = System.nanoTime();
        Thread.sleep(NOTICE.toMillis());
        while (gauge(api, adminToken, RELOADING) > 0 && !late(t0, limit)) {
            Thread.sleep(200);
        }
        long first = gauge(api, adminToken, BACKLOG);
        long left = first;
        while (left > 0 && !late(t0, limit)) {
            Thread.sleep(500);
            left = gauge(api, adminToken, BACKLOG);
        }
        return new EmbeddingCatchUp(first, (System.nanoTime() - t0) / 1e9, left == 0);
    }

    double perSecond() {
        return seconds == 0 ? 0 : backlogAtStart / seconds;
    }

    private static boolean late(long t0, Duration limit) {
        return System.nanoTime() - t0 > limit.toNanos();
    }

    private static long gauge(Api api, String adminToken, String path) {
        Api.Answer answer = api.get(adminToken, path);
        if (!answer.ok()) {
            throw new IllegalStateException("cannot read " + path + ": " + answer.status() + " " + answer.body());
        }
        return Math.round(
                answer.body().path("measurements").path(0).path("value").asDouble());
    }
}
