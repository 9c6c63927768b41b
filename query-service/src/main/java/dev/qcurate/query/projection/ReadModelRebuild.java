package dev.qcurate.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Rebuilds the read model beside the live one (see docs/rebuild.md): a shadow schema is built from the start of the
 * topic by one instance ({@link RebuildWorker}) while the live model keeps serving and projecting; once the shadow has
 * consumed the topic as far as the live model, it replaces it in one transaction, for every instance at once (their
 * in-memory state reloads on the new generation). The run is in the database, so every instance reports it, and an
 * instance resumes a run whose owner stopped beating (crash, SIGKILL). {@code DONE} only once the switch committed.
 */
@Component
class ReadModelRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    /** An owner silent for this long is taken for dead and its run resumed elsewhere. */
    static final Duration OWNER_SILENCE = Duration.ofSeconds(15);

    enum State {
        IDLE,
        RUNNING,
        DONE
    }

    record Status(
            State state,
            long position,
            long target,
            Instant startedAt,
            Instant finishedAt,
            double progress,
            String owner) {

        static final Status IDLE = new Status(State.IDLE, 0, 0, null, null, 0, null);
    }

    /** How long a start waits for a finished run to drop the model it replaced, before answering 409. */
    private static final Duration TIDY_UP = Duration.ofSeconds(30);

    private final RebuildStore store;
    private final RebuildWorker.Factory workers;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private RebuildWorker worker; // guarded by this
    private volatile Status last = Status.IDLE;

    ReadModelRebuild(RebuildStore store, RebuildWorker.Factory workers, MeterRegistry metrics) {
        this.store = store;
        this.workers = workers;
        Gauge.builder("qcurate.rebuild.progress.ratio", this, rebuild -> rebuild.last.progress())
                .description("share of the target position a running rebuild has reached (1 when done)")
                .register(metrics);
        Gauge.builder("qcurate.rebuild.running", this, rebuild -> rebuild.last.state() == State.RUNNING ? 1 : 0)
                .description("1 while a rebuild of the read model runs on any instance")
                .register(metrics);
    }

    Status start() {
        RebuildWorker previous;
        synchronized (this) {
            previous = worker;
        }
        // waited for outside the monitor, so the watch and the shutdown are not held up by a finished run's tidy-up
        if (previous != null && holds(previous)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a rebuild is already running on this instance");
        }
        synchronized (this) {
            if (worker != previous) {
                throw new ResponseStatusException(
                        HttpStatus.CONFLICT, "a rebuild was started on this instance at this moment");
            }
            return store.whileStarting(this::startOrResume)
                    .orElseThrow(() -> new ResponseStatusException(
                            HttpStatus.CONFLICT, "a rebuild is being started on another instance at this moment"));
        }
    }

    /** Under the start lock: whatever another instance started before it was taken is seen here. */
    private Status startOrResume() {
        Optional<RebuildStore.Run> running = store.running();
        if (running.isPresent() && running.get().running()) {
            if (!store.claim(instance, OWNER_SILENCE)) {
                throw new ResponseStatusException(
                        HttpStatus.CONFLICT,
                        "a rebuild is already running on " + running.get().owner());
            }
            log.info(
                    "Rebuild: resuming the run of {}, whose owner stopped",
                    running.get().owner());
        } else {
            long target = store.livePosition();
            log.info("Rebuild: building a new read model beside the live one; target position {}", target);
            store.create(target, instance);
        }
        worker = workers.start(instance);
        return status();
    }

    private static boolean holds(RebuildWorker worker) {
        try {
            return worker.holds(TIDY_UP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** The run as the database says it, so every instance answers the same. */
    Status status() {
        Optional<RebuildStore.Run> running = store.running();
        Status status;
        if (running.isPresent() && running.get().running()) {
            RebuildStore.Run run = running.get();
            long reached = store.shadowPosition().applied().highest();
            double progress = run.target() == 0 ? 1 : Math.min(1, (double) reached / run.target());
            status = new Status(State.RUNNING, reached, run.target(), run.startedAt(), null, progress, run.owner());
        } else {
            status = store.lastDone()
                    .map(run -> new Status(
                            State.DONE,
                            store.livePosition(),
                            run.target(),
                            run.startedAt(),
                            run.finishedAt(),
                            1,
                            run.owner()))
                    .orElse(Status.IDLE);
        }
        last = status;
        return status;
    }

    /** On every instance: progress for the metrics and the log, and taking over a run whose owner died. */
    @Scheduled(initialDelay = 2_000, fixedDelay = 2_000)
    void watch() {
        try {
            Status status = status();
            if (status.state() != State.RUNNING) {
                return;
            }
            synchronized (this) {
                boolean mine = worker != null && worker.isAlive();
                if (mine) {
                    log.info("Rebuild: position {} of {}", status.position(), status.target());
                } else if (store.claim(instance, OWNER_SILENCE)) {
                    log.info("Rebuild: resuming the run of {}, whose owner stopped beating", status.owner());
                    worker = workers.start(instance);
                }
            }
        } catch (RuntimeException e) {
            log.debug("Rebuild status not available: {}", e.toString());
        }
    }

    @Override
    public synchronized void destroy() throws InterruptedException {
        if (worker != null) {
            worker.stop();
        }
    }
}
