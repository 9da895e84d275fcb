package fr.gasp.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class JitCompilersTest {

    @TempDir
    Path tasks;

    @Test
    void sums_the_time_on_a_cpu_of_the_compiler_threads_only() throws IOException {
        thread("101", "C2 CompilerThre", "7000000 120 3");
        thread("102", "C1 CompilerThre", "2000000 80 5");
        thread("103", "http-nio-8080-e", "900000000 10 4");
        thread("104", "GC Thread#0", "50000000 1 1");

        assertThat(JitCompilers.spent(tasks)).isEqualTo(Duration.ofMillis(9));
    }

    @Test
    void a_thread_gone_while_read_or_no_proc_at_all_counts_nothing() throws IOException {
        thread("101", "C2 CompilerThre", "5000000 1 1");
        Files.createDirectories(tasks.resolve("102"));
        Files.writeString(tasks.resolve("102").resolve("comm"), "C2 CompilerThre\n");

        assertThat(JitCompilers.spent(tasks)).isEqualTo(Duration.ofMillis(5));
        assertThat(JitCompilers.spent(tasks.resolve("no-such-process"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void compiler_threads_are_known_by_hotspot_names_cut_to_fifteen_characters() {
        assertThat(JitCompilers.isCompiler("C2 CompilerThre")).isTrue();
        assertThat(JitCompilers.isCompiler("C1 CompilerThre")).isTrue();
        assertThat(JitCompilers.isCompiler("C2 CompilerThread0")).isTrue();
        assertThat(JitCompilers.isCompiler("Compiler-worker")).isFalse();
        assertThat(JitCompilers.isCompiler("EventProcessor[")).isFalse();
    }

    private void thread(String tid, String name, String schedstat) throws IOException {
        Path thread = Files.createDirectories(tasks.resolve(tid));
        Files.writeString(thread.resolve("comm"), name + "\n");
        Files.writeString(thread.resolve("schedstat"), schedstat + "\n");
    }
}
