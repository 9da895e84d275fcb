package fr.gasp.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name=value} arguments over defaults that give the full-size run. */
final class Options {

    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("events", "1000000");
        DEFAULTS.put("clients", "8");
        DEFAULTS.put("raw-seconds", "10");
        DEFAULTS.put("phase-seconds", "20");
        // The floor over HTTP (a small Spring Boot app) compiles its one path faster than the apps theirs.
        DEFAULTS.put("floor-warmup-seconds", "30");
        // Both JVMs compile the command path for about a minute and a half under this load on 2 cores.
        DEFAULTS.put("warmup-seconds", "120");
        DEFAULTS.put("rest-commands", "200");
        DEFAULTS.put("lag-sample-every", "5");
        DEFAULTS.put("read-warmup", "30");
        DEFAULTS.put("read-requests", "200");
        DEFAULTS.put("read-after-change", "10");
        DEFAULTS.put("read-budget-seconds", "300");
        DEFAULTS.put("catchup-seconds", "60");
        DEFAULTS.put("catchup-timeout", "600");
        DEFAULTS.put("replay-timeout", "3600");
        DEFAULTS.put("report-year", "2024");
        DEFAULTS.put("command-jar", "command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar");
        DEFAULTS.put("query-jar", "query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar");
        DEFAULTS.put("results", "benchmarks/target/results.md");
        DEFAULTS.put("logs", "benchmarks/target/app-logs");
        DEFAULTS.put("postgres-url", "jdbc:postgresql://127.0.0.1:5432/");
        DEFAULTS.put("postgres-user", "postgres");
        DEFAULTS.put("postgres-password", "");
        DEFAULTS.put("app-jvm-options", "-Xms1g -Xmx1g -XX:MaxTenuringThreshold=2");
        // true: the run's database is left in place (its name is printed), to measure one step again on it.
        DEFAULTS.put("keep-database", "false");
    }

    private final Map<String, String> values = new LinkedHashMap<>(DEFAULTS);

    Options(String... arguments) {
        for (String argument : arguments) {
            if (!argument.startsWith("--") || !argument.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + argument + "; names: " + DEFAULTS.keySet());
            }
            String name = argument.substring(2, argument.indexOf('='));
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; names: " + DEFAULTS.keySet());
            }
            values.put(name, argument.substring(argument.indexOf('=') + 1));
        }
    }

    String text(String name) {
        return values.get(name);
    }

    int integer(String name) {
        return Integer.parseInt(values.get(name).replace("_", ""));
    }

    long count(String name) {
        return Long.parseLong(values.get(name).replace("_", ""));
    }
}
