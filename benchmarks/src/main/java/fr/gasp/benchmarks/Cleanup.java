package fr.gasp.benchmarks;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the run must undo however it ends (apps started, database created), undone last
 * first: at the end of the run, or by a shutdown hook when the run is interrupted (Ctrl-C).
 */
final class Cleanup {

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final Thread hook = new Thread(this::closeAll, "benchmark-cleanup");

    Cleanup() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    synchronized <T extends AutoCloseable> T add(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Undoes everything; at the normal end of the run, the hook is no longer needed. */
    void close() {
        closeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Called from the hook's own shutdown: nothing to remove.
        }
    }

    private synchronized void closeAll() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("Could not undo " + resource + ": " + e);
            }
        }
    }
}
