package dev.qcurate.query.duplicates;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CPU-bound pools of duplicate checking: a fixed number of daemon threads (they never keep the JVM up) that stop
 * after 30 s idle, and a bounded queue beyond which the caller runs the task itself instead of queueing without end.
 */
final class DaemonPools {

    private DaemonPools() {}

    /** Threads are named {@code prefix} and a number from 1. */
    static ThreadPoolExecutor bounded(String prefix, int threads, int queue) {
        AtomicInteger started = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                threads,
                threads,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue),
                task -> {
                    Thread thread = new Thread(task, prefix + started.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
