package fr.gasp.query.testing;

import fr.gasp.platform.testing.TestDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query side as it runs, on a fresh PostgreSQL database of its own, with the tables the
 * command side owns created as the command side creates them. Tests append events the way
 * the command side does, then read through HTTP. Every test class shares one context and one
 * database; each test works on GASPs of its own, so they never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gasp.read-your-writes.timeout=1s")
public abstract class QuerySideIntegrationTest {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        String url = TestDatabase.create();
        TestDatabase.migrateCommandOwnedTables(url);
        TestDatabase.springProperties(url).forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    private EventStore eventStore;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private JdbcClient jdbc;

    @LocalServerPort
    private int port;

    /** What the command side would have recorded: events and member registry rows. */
    protected CommandSide given;

    /** The query API, over HTTP, as each demo account. */
    protected QueryApi api;

    @BeforeEach
    void connect() {
        given = new CommandSide(eventStore, processing, jdbc);
        api = new QueryApi(port);
    }
}
