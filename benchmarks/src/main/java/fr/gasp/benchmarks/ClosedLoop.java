package fr.gasp.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Threads that each do one thing back to back for a given time, the next as soon as the last
 * is done: the raw commits' writers, the floor's clients, the command load's clients. Once the
 * time is up each finishes what it is doing: the clients' connections give up on an answer
 * after a minute ({@link KeepAliveConnection}), so the wait for them is bounded.
 */
final class ClosedLoop {

    /** One thread's work: repeats while {@code running} says so, then returns. */
    @FunctionalInterface
    interface Worker {
        void work(int thread, BooleanSupplier running) throws Exception;
    }

    private ClosedLoop() {
    }

    /** Runs {@code threads} workers for {@code duration}; answers the seconds from their start to the last one's end. */
    static double run(String name, int threads, Duration duration, Worker worker) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Exception> failures = new CopyOnWriteArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            int me = thread;
            workers.add(new Thread(() -> {
                try {
                    worker.work(me, running::get);
                } catch (Exception e) {
                    failures.add(e);
                }
            }, name + "-" + thread));
        }
        long started = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(duration.toMillis());
        running.set(false);
        for (Thread thread : workers) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException(name + " failed", failures.get(0));
        }
        return seconds;
    }
}
