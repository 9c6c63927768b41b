package dev.qcurate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongFunction;

/** Closed-loop (N clients back to back) and open-loop (fixed arrival rate) drivers. */
final class Load {

    /** What a step achieved: commands per second, latencies, failures, and how far the read model lagged at its end. */
    record Step(
            String name,
            int clients,
            double offeredRate,
            double rate,
            long commands,
            long failures,
            Latencies latency,
            Latencies visibleAfterAck,
            Latencies visibleAfterSend,
            double lagMillis,
            double indexLagMillis,
            double loadAverage) {}

    private Load() {}

    /** How far the read model and the duplicate index were behind the workload's last command when a step ended. */
    private record EndLag(double readModel, double index) {

        /** A step without a workload (reads): nothing of its own to wait for. */
        static final EndLag UNMEASURED = new EndLag(Double.NaN, Double.NaN);

        static EndLag of(Api api, String readerToken, Workload workload, long ended) {
            return new EndLag(
                    lagMillis(api, readerToken, workload.lastPosition()),
                    indexLagMillis(api, readerToken, workload.lastPosition(), ended));
        }
    }

    /** {@code clients} threads each run {@code operation} (a read) back to back for {@code seconds}. */
    static Step closed(String name, int clients, double seconds, Function<SplittableRandom, Integer> operation)
            throws InterruptedException {
        return closed(name, clients, seconds, operation, ended -> EndLag.UNMEASURED);
    }

    /** The same with the commands of {@code workload}: the read model's lag at the end is measured too. */
    static Step closed(String name, int clients, double seconds, Workload workload, Api api, String readerToken)
            throws InterruptedException {
        return closed(
                name,
                clients,
                seconds,
                random -> workload.next(random).status(),
                ended -> EndLag.of(api, readerToken, workload, ended));
    }

    private static Step closed(
            String name,
            int clients,
            double seconds,
            Function<SplittableRandom, Integer> operation,
            LongFunction<EndLag> lagAt)
            throws InterruptedException {
        Latencies latency = new Latencies();
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(c * 7919L + System.nanoTime());
            Thread thread = new Thread(
                    () -> {
                        while (System.nanoTime() < end) {
                            long t0 = System.nanoTime();
                            try {
                                int status = operation.apply(random);
                                latency.add(System.nanoTime() - t0);
                                (status / 100 == 2 ? ok : failed).increment();
                            } catch (RuntimeException e) {
                                failed.increment();
                            }
                        }
                    },
                    name + "-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        EndLag lag = lagAt.apply(System.nanoTime());
        return new Step(
                name,
                clients,
                Double.NaN,
                ok.sum() / elapsed,
                ok.sum(),
                failed.sum(),
                latency,
                null,
                null,
                lag.readModel(),
                lag.index(),
                Machine.loadAverage());
    }

    /**
     * Commands arrive at {@code rate} per second whatever the answers take (open loop); latency counts from the
     * moment a command was due, so a stalled server is not hidden by clients that wait for it. Every
     * {@code visibleEvery}-th command is then read back from the query service with {@code minPosition}.
     */
    static Step open(
            String name,
            double rate,
            double seconds,
            int threads,
            Workload workload,
            Api api,
            String readerToken,
            int visibleEvery)
            throws InterruptedException {
        Latencies latency = new Latencies();
        Latencies afterAck = new Latencies();
        Latencies afterSend = new Latencies();
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicLong sequence = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads, Api.daemon());
        ThreadLocal<SplittableRandom> randoms = ThreadLocal.withInitial(() -> new SplittableRandom(System.nanoTime()));
        long total = (long) (rate * seconds);
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            pool.execute(() -> {
                try {
                    Workload.Done done = workload.next(randoms.get());
                    long acked = System.nanoTime();
                    latency.add(acked - due);
                    if (done.status() / 100 != 2) {
                        failed.increment();
                        return;
                    }
                    ok.increment();
                    if (sequence.incrementAndGet() % visibleEvery == 0 && done.position() > 0) {
                        Api.Answer read = api.get(readerToken, "/api/lists?minPosition=" + done.position());
                        long seen = System.nanoTime();
                        if (read.ok()) {
                            afterAck.add(seen - acked);
                            afterSend.add(seen - due);
                        }
                    }
                } catch (RuntimeException e) {
                    failed.increment();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        EndLag lag = EndLag.of(api, readerToken, workload, System.nanoTime());
        return new Step(
                name,
                threads,
                rate,
                ok.sum() / elapsed,
                ok.sum(),
                failed.sum(),
                latency,
                afterAck,
                afterSend,
                lag.readModel(),
                lag.index(),
                Machine.loadAverage());
    }

    /** Milliseconds from now until the query service has applied {@code position}. */
    static double lagMillis(Api api, String readerToken, long position) {
        return awaitMillis(api, readerToken, "/api/lists?minPosition=" + position, position, System.nanoTime());
    }

    /**
     * Milliseconds from {@code since} until the duplicate index (sentence vectors included) holds {@code position}:
     * it follows the read model, so this is never less than the read model's lag.
     */
    static double indexLagMillis(Api api, String readerToken, long position, long since) {
        return awaitMillis(api, readerToken, "/api/duplicates?text=lag+probe&minPosition=" + position, position, since);
    }

    private static double awaitMillis(Api api, String readerToken, String path, long position, long t0) {
        while (true) {
            Api.Answer answer = api.get(readerToken, path);
            if (answer.ok()) {
                return (System.nanoTime() - t0) / 1e6;
            }
            if (answer.status() != 503 || System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("query service did not reach position " + position + ": "
                        + answer.status() + " " + answer.body());
            }
        }
    }
}
