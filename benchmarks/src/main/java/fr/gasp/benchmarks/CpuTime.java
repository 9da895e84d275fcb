package fr.gasp.benchmarks;

import java.time.Duration;
import java.util.Locale;

/**
 * CPU time spent so far by each process a command load runs on: both apps, PostgreSQL (all its
 * processes) and this harness (the clients and the lag probes). Two cores are shared by all of
 * them, so a phase's commands per second follow from the CPU each command costs the whole
 * machine (issue 6); read from the operating system ({@code /proc} on Linux) at the phase's
 * start and end. A PostgreSQL process that ended in between is not counted (the apps' pools
 * keep theirs). Of the apps' time, what their JIT compilers took is told apart
 * ({@link JitCompilers}): code still being compiled, not the commands' own cost.
 */
record CpuTime(Duration commandSide, Duration querySide, Duration postgres, Duration harness, Duration compilers) {

    static CpuTime now(AppProcess commandSide, AppProcess querySide) {
        return new CpuTime(spent(commandSide.handle()), spent(querySide.handle()), spentByPostgres(),
                spent(ProcessHandle.current()),
                JitCompilers.spent(commandSide, querySide));
    }

    /** PostgreSQL's processes, all of them. */
    static Duration spentByPostgres() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .map(CpuTime::spent)
                .reduce(Duration.ZERO, Duration::plus);
    }

    static Duration spent(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    CpuTime since(CpuTime before) {
        return new CpuTime(commandSide.minus(before.commandSide), querySide.minus(before.querySide),
                postgres.minus(before.postgres), harness.minus(before.harness),
                // A compiler thread the JVM stopped in between took its time with it: never below nothing.
                compilers.minus(before.compilers).isNegative() ? Duration.ZERO : compilers.minus(before.compilers));
    }

    Duration total() {
        return commandSide.plus(querySide).plus(postgres).plus(harness);
    }

    /**
     * "command side 0.81, query side 0.52, PostgreSQL 0.93, harness 0.45: 2.71 ms in all, of which
     * the apps' JIT compilers 0.05".
     */
    String perCommand(long commands) {
        return String.format(Locale.ROOT, "command side %.2f, query side %.2f, PostgreSQL %.2f, harness (clients, "
                        + "lag probes) %.2f: %.2f ms in all, of which the apps' JIT compilers %.2f",
                perCommand(commandSide, commands), perCommand(querySide, commands), perCommand(postgres, commands),
                perCommand(harness, commands), perCommand(total(), commands), perCommand(compilers, commands));
    }

    private static double perCommand(Duration spent, long commands) {
        return commands == 0 ? Double.NaN : spent.toNanos() / 1e6 / commands;
    }
}
