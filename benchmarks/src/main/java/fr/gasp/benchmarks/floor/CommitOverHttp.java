package fr.gasp.benchmarks.floor;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The floor of a command over HTTP on the service's stack: Spring Boot's web server (Tomcat,
 * Spring MVC, Jackson) and one JDBC transaction inserting one event-shaped row, and nothing
 * else: no security, no Axon, no aggregate, no projection, no metrics. The benchmark runs it as
 * a process of its own, with the apps' JVM options, and sends it the command side's creates:
 * what it reaches against the raw commit rate is the most any command API on this stack could
 * reach on the machine (issue 6; docs/adr/0027).
 *
 * <p>The auto-configurations are named rather than found on the class path, so that the floor
 * holds only these whatever else is there (the harness's tests have both apps on theirs). Its
 * settings come from the environment ({@code SPRING_DATASOURCE_URL} and the rest,
 * {@code SERVER_PORT}), never from an app's {@code application.properties}; its table
 * ({@link #TABLE}) must exist.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class, DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class})
@Import(FloorCommands.class)
public class CommitOverHttp {

    /** The table the floor commits its rows to, shaped like the event store's. */
    public static final String TABLE = "bench_floor_event";

    public static void main(String[] arguments) {
        start(arguments);
    }

    public static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(CommitOverHttp.class)
                .properties("spring.config.name=floor", "spring.main.banner-mode=off")
                .run(arguments);
    }
}
