package fr.gasp.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the run found: the goals table (goal, target, measured, met?) and every figure in
 * detail, printed as each step ends and written as markdown at the end for
 * docs/performance.md.
 */
final class Report {

    private record Goal(String goal, String target, String measured, String met) {
    }

    private final List<Goal> goals = new ArrayList<>();
    private final List<String> details = new ArrayList<>();
    private final List<String> machine = new ArrayList<>();

    void machine(String line) {
        machine.add(line);
        System.out.println("[machine] " + line);
    }

    /** A figure with its goal; {@code met} null when the step could not measure it. */
    void goal(String goal, String target, String measured, Boolean met) {
        goals.add(new Goal(goal, target, measured, met == null ? "not measured" : met ? "yes" : "**no**"));
        System.out.printf("[goal] %s: %s (target %s) -> %s%n", goal, measured, target,
                met == null ? "not measured" : met ? "met" : "NOT met");
    }

    /** A figure the issue asks to report without a target (start-up time, memory). */
    void figure(String goal, String measured) {
        goals.add(new Goal(goal, "reported", measured, "—"));
        System.out.printf("[figure] %s: %s%n", goal, measured);
    }

    void detail(String section, String figure) {
        details.add("| " + section + " | " + figure.replace("|", "\\|") + " |");
        System.out.println("[" + section + "] " + figure);
    }

    String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("| Goal | Target | Measured | Met? |\n|---|---|---|---|\n");
        goals.forEach(goal -> text.append("| ").append(goal.goal()).append(" | ").append(goal.target()).append(" | ")
                .append(goal.measured()).append(" | ").append(goal.met()).append(" |\n"));
        text.append("\n### Machine and command\n\n");
        machine.forEach(line -> text.append("- ").append(line).append('\n'));
        text.append("\n### All figures\n\n| Step | Figure |\n|---|---|\n");
        details.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, "## Results of the last run\n\n" + markdown());
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : "%.1f", value);
    }

    static String millis(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }
}
