package fr.gasp.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time spent by a JVM's just-in-time compiler threads, read from the kernel's per-thread
 * figures ({@code /proc/<pid>/task/<tid>/schedstat}: nanoseconds on a CPU). On two cores a
 * compiler still at work takes its share from the code it compiles: a phase measured then
 * costs more per command than the same phase once compiled (issue 6: 5-10 % of the machine's
 * CPU in phases measured after two minutes of warm-up, and still 5 % after five). HotSpot
 * names its compiler threads "C1 CompilerThread0", "C2 CompilerThread1"…, which the kernel
 * keeps to 15 characters.
 * Zero where there is no {@code /proc}; a compiler thread that ended takes its time with it.
 */
final class JitCompilers {

    private JitCompilers() {
    }

    /** These apps' compilers together. */
    static Duration spent(AppProcess... apps) {
        Duration spent = Duration.ZERO;
        for (AppProcess app : apps) {
            spent = spent.plus(spent(Path.of("/proc", Long.toString(app.handle().pid()), "task")));
        }
        return spent;
    }

    /** The compiler threads' time among the tasks under {@code tasks} (a {@code /proc/<pid>/task} directory). */
    static Duration spent(Path tasks) {
        if (!Files.isDirectory(tasks)) {
            return Duration.ZERO;
        }
        long nanos = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                nanos += compilerNanos(thread);
            }
        } catch (IOException unreadable) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(nanos);
    }

    private static long compilerNanos(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm")).strip();
            if (!isCompiler(name)) {
                return 0;
            }
            String[] schedstat = Files.readString(thread.resolve("schedstat")).strip().split("\\s+");
            return Long.parseLong(schedstat[0]);
        } catch (IOException | RuntimeException endedOrUnreadable) {
            // A thread that ended while the directory was read (NoSuchFileException) counts nothing.
            return 0;
        }
    }

    static boolean isCompiler(String threadName) {
        return threadName.matches("C[12] CompilerThre.*");
    }
}
